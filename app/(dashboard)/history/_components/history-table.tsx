'use client';

import { getCoreRowModel, useReactTable, type ColumnDef } from '@tanstack/react-table';
import { HistoryIcon } from 'lucide-react';
import Link from 'next/link';
import { useMemo } from 'react';
import { toast } from 'sonner';

import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { RelativeTime, useNow } from '@/components/ui/relative-time';
import { VirtualTable } from '@/components/ui/virtual-table';
import type { RoomSessionDto, RoomSessionPageDto } from '@/lib/contracts/history';
import { useRoomSessions } from '@/lib/queries/history';
import type { HistoryFilters } from '@/lib/queries/history-filters';
import { reversedDayRange } from '@/lib/queries/url-filters';
import { formatDuration } from '@/lib/utils';

/** A live session's duration grows: it is counted from the start to now, in the browser. */
function Duration({ session }: { session: RoomSessionDto }) {
  const nowMs = useNow();
  const ms = session.endedAtMs === null ? nowMs - session.startedAtMs : session.durationMs;
  return <span suppressHydrationWarning>{formatDuration(ms)}</span>;
}

const columns: ColumnDef<RoomSessionDto>[] = [
  {
    id: 'room',
    header: 'Room',
    cell: ({ row }) => (
      <Link
        href={`/history/${encodeURIComponent(row.original.roomSid)}`}
        className="text-primary block truncate font-medium underline-offset-4 hover:underline"
      >
        {row.original.roomName}
      </Link>
    ),
  },
  {
    id: 'tenant',
    header: 'Tenant',
    cell: ({ row }) => row.original.tenant ?? <span className="text-muted-foreground">—</span>,
  },
  {
    id: 'start',
    header: 'Start',
    cell: ({ row }) => <RelativeTime atMs={row.original.startedAtMs} />,
  },
  {
    id: 'end',
    header: 'End',
    cell: ({ row }) =>
      row.original.endedAtMs === null ? (
        <Badge tone="success">Live</Badge>
      ) : (
        <RelativeTime atMs={row.original.endedAtMs} />
      ),
  },
  {
    id: 'duration',
    header: 'Duration',
    cell: ({ row }) => <Duration session={row.original} />,
    meta: { className: 'tabular-nums' },
  },
  {
    id: 'peak',
    header: 'Peak',
    cell: ({ row }) => row.original.peakParticipants,
    meta: { className: 'text-right tabular-nums' },
  },
  {
    id: 'total',
    header: 'Total',
    cell: ({ row }) => row.original.totalParticipants,
    meta: { className: 'text-right tabular-nums' },
  },
];

const GRID = 'grid-cols-[minmax(12rem,2fr)_minmax(6rem,1fr)_8rem_8rem_6rem_4rem_4rem]';

export function HistoryTable({
  filters,
  firstPage,
}: {
  filters: HistoryFilters;
  firstPage: RoomSessionPageDto;
}) {
  const { data, fetchNextPage, hasNextPage, isFetchingNextPage } = useRoomSessions(
    filters,
    firstPage,
  );
  // Stable between renders: a new array each time would make the table and the virtualizer
  // recompute every row on every render.
  const sessions = useMemo(() => data.pages.flatMap((page) => page.sessions), [data]);
  // The React Compiler is off; react-table manages its own memoization.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: sessions,
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (session) => session.roomSid,
  });

  if (sessions.length === 0) {
    return (
      <EmptyState
        icon={<HistoryIcon aria-hidden />}
        title="No room sessions"
        className="bg-card rounded-lg border"
      >
        {reversedDayRange(filters) ??
          (Object.keys(filters).length > 0
            ? 'Nothing matches these filters. Clear them to see every session.'
            : 'Sessions appear here as rooms start on the LiveKit server.')}
      </EmptyState>
    );
  }

  return (
    <div className="flex flex-col gap-3">
      <VirtualTable
        table={table}
        label="Room sessions, newest first"
        gridClassName={GRID}
        estimateRowHeight={44}
        getRowLabel={(row) => row.original.roomName}
      />
      <div className="flex items-center justify-between gap-3">
        <p className="text-muted-foreground text-sm" aria-live="polite">
          Showing {sessions.length} {sessions.length === 1 ? 'session' : 'sessions'}
        </p>
        {hasNextPage ? (
          <Button
            variant="secondary"
            size="sm"
            disabled={isFetchingNextPage}
            onClick={() =>
              void fetchNextPage().then((result) => {
                if (result.isError) toast.error('Could not load more sessions. Try again.');
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
