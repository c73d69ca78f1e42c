'use client';

import {
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
  type ExpandedState,
  type SortingState,
  type Updater,
} from '@tanstack/react-table';
import { ChevronRightIcon } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useMemo, useState } from 'react';
import { toast } from 'sonner';

import { Badge, type BadgeTone } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { DataTable } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import { RelativeTime } from '@/components/ui/relative-time';
import { AUDIT_SOURCE_LABELS, type AuditOutcome } from '@/lib/contracts/audit';
import type { AuditEventDto } from '@/lib/contracts/dto';
import { useAuditEvents, type AuditPage } from '@/lib/queries/audit';
import {
  auditPageHref,
  auditSorting,
  withAuditSorting,
  type AuditFilters,
} from '@/lib/queries/audit-filters';
import { reversedDayRange } from '@/lib/queries/url-filters';
import { cn } from '@/lib/utils';

import { AuditDetails } from './audit-details';
import { AuditTargetCell } from './audit-target-cell';

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

const detailsId = (event: AuditEventDto) => `audit-event-${event.id}`;

/**
 * Column ids are the server's sort columns (`sort=actor.asc`); the others do not sort. Defined once:
 * new cell functions on every render would remount the cells, and the focused button with them.
 */
const columns: ColumnDef<AuditEventDto>[] = [
  {
    id: 'details',
    header: () => <span className="sr-only">Details</span>,
    cell: ({ row }) => {
      const open = row.getIsExpanded();
      return (
        <Button
          variant="ghost"
          size="icon"
          aria-label="Details"
          aria-expanded={open}
          aria-controls={open ? detailsId(row.original) : undefined}
          onClick={row.getToggleExpandedHandler()}
        >
          <ChevronRightIcon
            aria-hidden
            className={cn('transition-transform', open && 'rotate-90')}
          />
        </Button>
      );
    },
    enableSorting: false,
  },
  {
    id: 'time',
    accessorFn: (event) => event.atMs,
    header: 'Time',
    cell: ({ row }) => <RelativeTime atMs={row.original.atMs} />,
    meta: { className: 'whitespace-nowrap' },
  },
  {
    id: 'actor',
    accessorFn: (event) => event.actorName,
    header: 'Actor',
    cell: ({ row }) => <span className="block truncate font-medium">{row.original.actorName}</span>,
  },
  {
    id: 'role',
    accessorFn: (event) => event.role ?? '',
    header: 'Role',
    cell: ({ row }) => (
      <span className="capitalize">
        <Dash value={row.original.role} />
      </span>
    ),
  },
  {
    id: 'tenant',
    accessorFn: (event) => event.tenant ?? '',
    header: 'Tenant',
    cell: ({ row }) => <Dash value={row.original.tenant} />,
  },
  {
    id: 'action',
    accessorFn: (event) => event.action,
    header: 'Action',
    cell: ({ row }) => (
      <span className="font-mono text-xs wrap-anywhere">{row.original.action}</span>
    ),
  },
  {
    id: 'target',
    accessorFn: (event) => event.roomName ?? '',
    header: 'Target',
    cell: ({ row }) => <AuditTargetCell event={row.original} />,
  },
  {
    id: 'outcome',
    accessorFn: (event) => event.outcome,
    header: 'Outcome',
    cell: ({ row }) => <Outcome outcome={row.original.outcome} />,
  },
  {
    id: 'error',
    header: 'Error',
    cell: ({ row }) => (
      <span className="font-mono text-xs wrap-anywhere">
        <Dash value={row.original.errorCode} />
      </span>
    ),
    enableSorting: false,
  },
  {
    id: 'source',
    accessorFn: (event) => event.source,
    header: 'Source',
    cell: ({ row }) => AUDIT_SOURCE_LABELS[row.original.source],
  },
];

const GRID =
  'grid-cols-[2.5rem_7rem_minmax(7rem,1fr)_5.5rem_minmax(5rem,0.8fr)_minmax(10rem,1.2fr)_minmax(10rem,1.5fr)_minmax(7rem,12rem)_minmax(6rem,0.8fr)_4.5rem]';

export function AuditTable({
  filters,
  firstPage,
}: {
  filters: AuditFilters;
  firstPage: AuditPage;
}) {
  const router = useRouter();
  const { data, fetchNextPage, hasNextPage, isFetchingNextPage } = useAuditEvents(
    filters,
    firstPage,
  );
  const events = useMemo(() => data.pages.flatMap((page) => page.events), [data]);
  const [expanded, setExpanded] = useState<ExpandedState>({});
  const sorting = auditSorting(filters);
  // The log is paged on the server, so a new order is a new first page: the URL changes and the
  // page renders it (Back restores the previous order).
  const onSortingChange = (updater: Updater<SortingState>) => {
    const next = typeof updater === 'function' ? updater(sorting) : updater;
    router.push(auditPageHref(withAuditSorting(filters, next)), { scroll: false });
  };

  // The React Compiler is off; react-table manages its own memoization.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: events,
    columns,
    state: { sorting, expanded },
    onSortingChange,
    onExpandedChange: setExpanded,
    getRowCanExpand: () => true,
    manualSorting: true,
    // Each click flips the order; there is no unsorted log (no sort = newest first).
    enableSortingRemoval: false,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (event) => event.id,
  });

  if (events.length === 0) {
    return (
      <EmptyState title="No audit events" className="bg-card rounded-lg border">
        {reversedDayRange(filters) ??
          'Nothing matches these filters. Clear them to see the whole log.'}
      </EmptyState>
    );
  }

  return (
    <div className="flex flex-col gap-3">
      <DataTable
        table={table}
        label="Audit events"
        gridClassName={GRID}
        minWidthClassName="min-w-[75rem]"
        onRowActivate={(row) => row.toggleExpanded()}
        renderDetails={(row) =>
          row.getIsExpanded() ? (
            <div id={detailsId(row.original)}>
              <AuditDetails event={row.original} />
            </div>
          ) : null
        }
      />
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
