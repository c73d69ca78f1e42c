// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';

import type { AuditOutcome } from '@/lib/contracts/audit';
import type { AuditEventDto } from '@/lib/contracts/dto';

import { AuditFiltersForm } from './audit-filters-form';
import { AuditTable } from './audit-table';

const event = (id: number, outcome: AuditOutcome): AuditEventDto => ({
  id: String(id),
  atMs: Date.UTC(2026, 0, 5, 12, 0, 0),
  actorId: 'u1',
  actorName: 'alice',
  role: 'moderator',
  tenant: null,
  action: 'track.muted',
  roomName: 'standup',
  identity: `user-${id}`,
  trackSid: null,
  params: null,
  outcome,
  errorCode: null,
  source: 'ui',
});

describe('audit page outcomes', () => {
  afterEach(cleanup);

  it('shows pending and unknown rows, and says what each means', () => {
    render(
      <QueryClientProvider client={new QueryClient()}>
        <AuditTable
          filters={{}}
          firstPage={{
            events: [event(3, 'unknown'), event(2, 'pending'), event(1, 'success')],
            nextCursor: null,
          }}
        />
      </QueryClientProvider>,
    );
    const rows = screen.getAllByRole('row').slice(1);
    const unknown = within(rows[0]!);
    expect(unknown.getByText('unknown')).toBeTruthy();
    expect(unknown.getByText(/server stopped before recording the outcome/)).toBeTruthy();
    const pending = within(rows[1]!);
    expect(pending.getByText('pending')).toBeTruthy();
    expect(pending.getByText(/outcome is not recorded yet/)).toBeTruthy();
    // A settled row needs no explanation.
    expect(rows[2]!.textContent).toContain('success');
    expect(rows[2]!.querySelector('p')).toBeNull();
  });

  it('offers both in the outcome filter', () => {
    render(<AuditFiltersForm filters={{ outcome: 'unknown' }} />);
    const picker = screen.getByLabelText('Outcome') as HTMLSelectElement;
    const options = Array.from(picker.options).map((o) => o.textContent);
    expect(options).toEqual(['Any outcome', 'Success', 'Denied', 'Error', 'Pending', 'Unknown']);
    expect(picker.value).toBe('unknown');
  });
});
