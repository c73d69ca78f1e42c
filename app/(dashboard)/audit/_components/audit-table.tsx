'use client';

import { toast } from 'sonner';

import { Badge, type BadgeTone } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { RelativeTime } from '@/components/ui/relative-time';
import type { AuditOutcome } from '@/lib/contracts/audit';
import type { AuditEventDto } from '@/lib/contracts/dto';
import { useAuditEvents, type AuditPage } from '@/lib/queries/audit';
import type { AuditFilters } from '@/lib/queries/audit-filters';

const OUTCOME_TONE: Record<AuditOutcome, BadgeTone> = {
  success: 'success',
  denied: 'warning',
  error: 'danger',
  pending: 'info',
  unknown: 'neutral',
};

/**
 * The two outcomes that are not a result say why, in words: an `unknown` action may or may not
 * have taken effect, and LiveKit keeps no history to tell, so the reader has to look at the room.
 */
const OUTCOME_HINT: Partial<Record<AuditOutcome, string>> = {
  pending: 'Attempted; the outcome is not recorded yet.',
  unknown: 'Attempted, but the server stopped before recording the outcome. Check the room.',
};

const HEADERS = [
  'Time',
  'Actor',
  'Role',
  'Tenant',
  'Action',
  'Target',
  'Outcome',
  'Error',
  'Source',
];

function Target({ event }: { event: AuditEventDto }) {
  const parts = [event.roomName, event.identity, event.trackSid].filter(Boolean);
  if (parts.length === 0) return <span className="text-muted-foreground">—</span>;

  return <span className="font-mono text-xs break-all">{parts.join(' / ')}</span>;
}

function Outcome({ outcome }: { outcome: AuditOutcome }) {
  const hint = OUTCOME_HINT[outcome];

  return (
    <>
      <Badge tone={OUTCOME_TONE[outcome]} className="capitalize">
        {outcome}
      </Badge>
      {hint ? <p className="text-muted-foreground mt-1 max-w-48 text-xs">{hint}</p> : null}
    </>
  );
}

function Dash({ value }: { value: string | null }) {
  return value ? <>{value}</> : <span className="text-muted-foreground">—</span>;
}

export function AuditTable({
  filters,
  firstPage,
}: {
  filters: AuditFilters;
  firstPage: AuditPage;
}) {
  const { data, fetchNextPage, hasNextPage, isFetchingNextPage } = useAuditEvents(
    filters,
    firstPage,
  );
  const events = data.pages.flatMap((page) => page.events);

  if (events.length === 0) {
    return (
      <EmptyState title="No audit events" className="bg-card rounded-lg border">
        Nothing matches these filters. Clear them to see the whole log.
      </EmptyState>
    );
  }

  return (
    <div className="flex flex-col gap-3">
      <div className="bg-card overflow-x-auto rounded-lg border">
        <table className="w-full min-w-[60rem] text-left text-sm">
          <caption className="sr-only">Audit events, newest first</caption>
          <thead className="bg-muted text-muted-foreground text-xs font-semibold tracking-wide uppercase">
            <tr>
              {HEADERS.map((h) => (
                <th key={h} scope="col" className="px-4 py-2.5">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y">
            {events.map((event) => (
              <tr key={event.id}>
                <td className="px-4 py-2 whitespace-nowrap">
                  <RelativeTime atMs={event.atMs} />
                </td>
                <td className="px-4 py-2 font-medium">{event.actorName}</td>
                <td className="px-4 py-2 capitalize">
                  <Dash value={event.role} />
                </td>
                <td className="px-4 py-2">
                  <Dash value={event.tenant} />
                </td>
                <td className="px-4 py-2 font-mono text-xs">{event.action}</td>
                <td className="px-4 py-2">
                  <Target event={event} />
                </td>
                <td className="px-4 py-2">
                  <Outcome outcome={event.outcome} />
                </td>
                <td className="px-4 py-2 font-mono text-xs">
                  <Dash value={event.errorCode} />
                </td>
                <td className="px-4 py-2 uppercase">{event.source}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="flex items-center justify-between gap-3">
        <p className="text-muted-foreground text-sm" aria-live="polite">
          Showing {events.length} {events.length === 1 ? 'event' : 'events'}
        </p>
        {hasNextPage ? (
          <Button
            variant="secondary"
            size="sm"
            disabled={isFetchingNextPage}
            onClick={() =>
              void fetchNextPage().then((result) => {
                if (result.isError) toast.error('Could not load more events. Try again.');
              })
            }
          >
            {isFetchingNextPage ? 'Loading…' : 'Load more'}
          </Button>
        ) : null}
      </div>
    </div>
  );
}
