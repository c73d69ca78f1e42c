// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import type { AuditOutcome } from '@/lib/contracts/audit';
import type { AuditEventDto } from '@/lib/contracts/dto';
import { ROLE_PERMISSIONS } from '@/lib/contracts/permissions';
import { ActorProvider } from '@/lib/queries/actor-context';

import { AuditFiltersForm } from './audit-filters-form';
import { AuditTable } from './audit-table';

const push = vi.fn();
vi.mock('next/navigation', () => ({ useRouter: () => ({ push }) }));

const event = (
  id: number,
  outcome: AuditOutcome,
  over: Partial<AuditEventDto> = {},
): AuditEventDto => ({
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
  ...over,
});

function renderTable(events: AuditEventDto[], filters = {}) {
  const wrap = (children: ReactNode) => (
    <ActorProvider
      permissions={[...ROLE_PERMISSIONS.admin]}
      name="admin"
      role="admin"
      tenant={null}
    >
      <QueryClientProvider client={new QueryClient()}>{children}</QueryClientProvider>
    </ActorProvider>
  );
  render(wrap(<AuditTable filters={filters} firstPage={{ events, nextCursor: null }} />));
  return screen.getAllByRole('row').slice(1);
}

describe('audit page outcomes', () => {
  afterEach(cleanup);

  it('shows pending and unknown rows, and says what each means', () => {
    const rows = renderTable([event(3, 'unknown'), event(2, 'pending'), event(1, 'success')]);
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
    render(<AuditFiltersForm filters={{ outcome: 'unknown' }} actions={[]} />);
    const picker = screen.getByLabelText('Outcome') as HTMLSelectElement;
    const options = Array.from(picker.options).map((o) => o.textContent);
    expect(options).toEqual(['Any outcome', 'Success', 'Denied', 'Error', 'Pending', 'Unknown']);
    expect(picker.value).toBe('unknown');
  });
});

describe('audit page rows', () => {
  afterEach(cleanup);

  it('open to their parameters and error with a disclosure button, or Enter on the row', () => {
    const failed = event(7, 'error', {
      action: 'participant.moved',
      errorCode: 'not_implemented',
      params: { destinationRoom: 'overflow', nested: { a: 1 } },
    });
    const [row] = renderTable([failed]);
    const button = within(row!).getByRole('button', { name: 'Details' });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    const details = document.getElementById(button.getAttribute('aria-controls')!)!;
    expect(within(details).getByText('destinationRoom')).toBeTruthy();
    expect(details.textContent).toContain('overflow');
    expect(details.textContent).toContain('"a": 1');
    expect(details.textContent).toContain(
      'not_implemented — The LiveKit server does not support this.',
    );

    // The row itself toggles from the keyboard, like the other tables' rows.
    fireEvent.keyDown(row!, { key: 'Enter' });
    expect(button.getAttribute('aria-expanded')).toBe('false');
  });

  it('link the room and participant, encoded, and name the user a user.* row changed', () => {
    const rows = renderTable([
      event(2, 'success', { roomName: 'my room ä+%?', identity: 'ann b' }),
      event(1, 'success', {
        action: 'user.disabled',
        roomName: null,
        identity: null,
        params: { userId: 'u9', username: 'bob', sessionsEnded: 1 },
      }),
    ]);
    const room = within(rows[0]!);
    expect(room.getByRole('link', { name: 'my room ä+%?' }).getAttribute('href')).toBe(
      '/rooms/my%20room%20%C3%A4%2B%25%3F',
    );
    expect(room.getByRole('link', { name: 'ann b' }).getAttribute('href')).toBe(
      '/rooms/my%20room%20%C3%A4%2B%25%3F?participant=ann%20b',
    );
    expect(within(rows[1]!).getByRole('link', { name: 'bob' }).getAttribute('href')).toBe(
      '/users?q=bob',
    );
  });

  it('sort on the server: a header click asks for a new URL with the sort', () => {
    push.mockClear();
    renderTable([event(1, 'success')], { actor: 'al' });
    const time = screen.getByRole('columnheader', { name: 'Time' });
    expect(time.getAttribute('aria-sort')).toBe('descending');
    fireEvent.click(
      within(screen.getByRole('columnheader', { name: 'Actor' })).getByRole('button'),
    );
    expect(push).toHaveBeenCalledWith('/audit?actor=al&sort=actor.asc', { scroll: false });
  });
});

describe('audit action picker', () => {
  afterEach(cleanup);

  it('lists each known action under its family, which it can pick as a whole', () => {
    render(
      <AuditFiltersForm
        filters={{ action: 'user.*' }}
        actions={['user.created', 'auth.signed_in', 'user.disabled', 'users.listed']}
      />,
    );
    const picker = screen.getByLabelText('Action') as HTMLSelectElement;
    expect(picker.value).toBe('user.*');
    expect(Array.from(picker.querySelectorAll('optgroup')).map((g) => g.label)).toEqual([
      'auth.*',
      'user.*',
      'users.*',
    ]);
    expect(Array.from(picker.options).map((o) => o.value)).toEqual([
      '',
      'auth.*',
      'auth.signed_in',
      'user.*',
      'user.created',
      'user.disabled',
      'users.*',
      'users.listed',
    ]);
  });

  it('still shows an action from an old link that it does not know', () => {
    render(<AuditFiltersForm filters={{ action: 'room.renamed' }} actions={['room.created']} />);
    expect((screen.getByLabelText('Action') as HTMLSelectElement).value).toBe('room.renamed');
  });
});
