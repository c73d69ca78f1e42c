'use client';

import {
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type SortingState,
} from '@tanstack/react-table';
import Link from 'next/link';
import { useState } from 'react';

import { Badge } from '@/components/ui/badge';
import { RelativeTime } from '@/components/ui/relative-time';
import { VirtualTable } from '@/components/ui/virtual-table';
import type { ParticipantMatchDto } from '@/lib/contracts/participant-search';
import { PARTICIPANT_KIND_LABELS } from '@/lib/contracts/tracks';

import { STATE_LABELS } from '../[roomName]/_components/participant-labels';

const linkClass = 'text-primary block truncate underline-offset-4 hover:underline';

/** The room page with this participant's detail panel open (its `?participant=` parameter). */
export function participantHref(match: Pick<ParticipantMatchDto, 'roomName' | 'identity'>) {
  return `/rooms/${encodeURIComponent(match.roomName)}?participant=${encodeURIComponent(match.identity)}`;
}

const columns: ColumnDef<ParticipantMatchDto>[] = [
  {
    id: 'identity',
    accessorKey: 'identity',
    header: 'Identity',
    cell: ({ row }) => (
      // The same identity can be in several rooms: the accessible name says which one.
      <Link
        href={participantHref(row.original)}
        aria-label={`${row.original.identity} in ${row.original.roomName}`}
        className={`${linkClass} font-medium`}
      >
        {row.original.identity}
      </Link>
    ),
  },
  {
    id: 'name',
    accessorKey: 'name',
    header: 'Name',
    cell: ({ row }) =>
      row.original.name ? (
        <span className="block truncate">{row.original.name}</span>
      ) : (
        <span className="text-muted-foreground">—</span>
      ),
  },
  {
    id: 'room',
    accessorKey: 'roomName',
    header: 'Room',
    cell: ({ row }) => (
      <Link href={`/rooms/${encodeURIComponent(row.original.roomName)}`} className={linkClass}>
        {row.original.roomName}
      </Link>
    ),
  },
  {
    id: 'kind',
    accessorFn: (p) => PARTICIPANT_KIND_LABELS[p.kind],
    header: 'Kind',
    cell: ({ getValue }) => <Badge tone="neutral">{getValue<string>()}</Badge>,
  },
  {
    id: 'state',
    accessorKey: 'state',
    header: 'State',
    cell: ({ row }) => {
      const state = STATE_LABELS[row.original.state];
      return <Badge tone={state.tone}>{state.label}</Badge>;
    },
  },
  {
    id: 'publishing',
    accessorFn: (p) => (p.isPublisher ? 'Yes' : 'No'),
    header: 'Publishing',
  },
  {
    id: 'joined',
    accessorKey: 'joinedAtMs',
    header: 'Joined',
    cell: ({ row }) => <RelativeTime atMs={row.original.joinedAtMs} />,
  },
];

const GRID =
  'grid-cols-[minmax(9rem,1.2fr)_minmax(7rem,1fr)_minmax(9rem,1.2fr)_6rem_7rem_6rem_6.5rem]';

/** The matches of a participant search: identity links open the room on that participant. */
export function ParticipantSearchResults({
  query,
  matches,
}: {
  query: string;
  matches: ParticipantMatchDto[];
}) {
  const [sorting, setSorting] = useState<SortingState>([]);
  // The React Compiler is off; react-table manages its own memoization.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: matches,
    columns,
    state: { sorting },
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getRowId: (p) => `${p.roomName}\u0000${p.identity}`,
  });

  return (
    <VirtualTable
      table={table}
      label={`Participants matching “${query}”`}
      gridClassName={GRID}
      estimateRowHeight={44}
      className="max-h-96"
    />
  );
}
