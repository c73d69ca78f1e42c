'use client';

import { getCoreRowModel, useReactTable, type ColumnDef } from '@tanstack/react-table';

import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { VirtualTable } from '@/components/ui/virtual-table';
import type { ParticipantSessionDto } from '@/lib/contracts/history';
import { PARTICIPANT_KIND_LABELS, type ParticipantKind } from '@/lib/contracts/tracks';
import { leaveWords } from '@/lib/queries/history-words';
import { formatAbsolute, formatDuration } from '@/lib/utils';

const columns: ColumnDef<ParticipantSessionDto>[] = [
  {
    id: 'identity',
    header: 'Participant',
    cell: ({ row }) => (
      <span className="block truncate">
        <span className="font-medium">{row.original.identity}</span>
        {row.original.name && row.original.name !== row.original.identity ? (
          <span className="text-muted-foreground"> ({row.original.name})</span>
        ) : null}
      </span>
    ),
  },
  {
    id: 'kind',
    header: 'Kind',
    cell: ({ row }) =>
      PARTICIPANT_KIND_LABELS[row.original.kind as ParticipantKind] ?? row.original.kind,
  },
  { id: 'joined', header: 'Joined', cell: ({ row }) => formatAbsolute(row.original.joinedAtMs) },
  {
    id: 'left',
    header: 'Left',
    cell: ({ row }) =>
      row.original.leftAtMs === null ? (
        <Badge tone="success">In the room</Badge>
      ) : (
        formatAbsolute(row.original.leftAtMs)
      ),
  },
  {
    id: 'duration',
    header: 'Duration',
    cell: ({ row }) => formatDuration(row.original.durationMs),
    meta: { className: 'tabular-nums' },
  },
  {
    id: 'reason',
    header: 'Leave reason',
    cell: ({ row }) => {
      const words = leaveWords(row.original.leaveReason, row.original.leftAtMs !== null);
      return (
        <span title={row.original.leaveReason ?? undefined} className="first-letter:uppercase">
          {words}
        </span>
      );
    },
  },
];

const GRID = 'grid-cols-[minmax(10rem,2fr)_6rem_11rem_11rem_6rem_minmax(10rem,2fr)]';

/** The participant sessions of one room session, in join order. */
export function ParticipantSessionsTable({
  participants,
}: {
  participants: ParticipantSessionDto[];
}) {
  // The React Compiler is off; react-table manages its own memoization.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: participants,
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (p) => p.participantSid,
  });

  return (
    <section aria-labelledby="participant-sessions-title" className="flex flex-col gap-2">
      <h2 id="participant-sessions-title" className="text-base font-semibold">
        Participants
      </h2>
      {participants.length === 0 ? (
        <EmptyState title="No participants" className="bg-card rounded-lg border">
          Nobody was seen joining this session.
        </EmptyState>
      ) : (
        <VirtualTable
          table={table}
          label="Participant sessions, in join order"
          gridClassName={GRID}
          estimateRowHeight={44}
          getRowLabel={(row) => row.original.identity}
        />
      )}
    </section>
  );
}
