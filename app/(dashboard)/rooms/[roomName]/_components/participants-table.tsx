'use client';

import {
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type SortingState,
} from '@tanstack/react-table';
import { useMemo, useState } from 'react';

import { Badge } from '@/components/ui/badge';
import { RelativeTime } from '@/components/ui/relative-time';
import { VirtualTable } from '@/components/ui/virtual-table';
import type { ParticipantDto } from '@/lib/contracts/dto';
import { PARTICIPANT_KIND_LABELS } from '@/lib/contracts/tracks';

import { ParticipantActions } from './participant-actions';
import { permissionSummary, STATE_LABELS } from './participant-labels';
import { TrackChip } from './track-chip';

function buildColumns(roomName: string, withActions: boolean): ColumnDef<ParticipantDto>[] {
  const columns: ColumnDef<ParticipantDto>[] = [
    {
      id: 'identity',
      accessorKey: 'identity',
      header: 'Identity',
      cell: ({ row }) => (
        <span className="block truncate font-medium">{row.original.identity}</span>
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
      id: 'joined',
      accessorKey: 'joinedAtMs',
      header: 'Joined',
      cell: ({ row }) => <RelativeTime atMs={row.original.joinedAtMs} />,
    },
    {
      id: 'tracks',
      accessorFn: (p) => p.tracks.length,
      header: 'Tracks',
      cell: ({ row }) =>
        row.original.tracks.length > 0 ? (
          <ul className="flex flex-wrap gap-1" aria-label="Tracks">
            {row.original.tracks.map((track) => (
              <li key={track.sid}>
                <TrackChip track={track} />
              </li>
            ))}
          </ul>
        ) : (
          <span className="text-muted-foreground">None</span>
        ),
    },
    {
      id: 'permissions',
      accessorFn: permissionSummary,
      header: 'Permissions',
      cell: ({ getValue }) => (
        <span className="text-muted-foreground text-xs">{getValue<string>()}</span>
      ),
      enableSorting: false,
    },
  ];
  if (withActions) {
    columns.push({
      id: 'actions',
      header: () => <span className="sr-only">Actions</span>,
      cell: ({ row }) => <ParticipantActions roomName={roomName} participant={row.original} />,
      enableSorting: false,
    });
  }

  return columns;
}

// Spelled out in full so Tailwind sees both templates.
const GRID =
  'grid-cols-[minmax(9rem,1.2fr)_minmax(7rem,1fr)_6rem_7rem_6.5rem_minmax(16rem,2.5fr)_minmax(9rem,1.2fr)]';
const GRID_WITH_ACTIONS =
  'grid-cols-[minmax(9rem,1.2fr)_minmax(7rem,1fr)_6rem_7rem_6.5rem_minmax(16rem,2.5fr)_minmax(9rem,1.2fr)_3rem]';

export function ParticipantsTable({
  roomName,
  participants,
  withActions,
  onOpenParticipant,
}: {
  roomName: string;
  participants: ParticipantDto[];
  withActions: boolean;
  onOpenParticipant: (identity: string) => void;
}) {
  const [sorting, setSorting] = useState<SortingState>([]);
  const columns = useMemo(() => buildColumns(roomName, withActions), [roomName, withActions]);
  // The React Compiler is off; react-table manages its own memoization.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: participants,
    columns,
    state: { sorting },
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getRowId: (p) => p.identity,
  });

  return (
    <VirtualTable
      table={table}
      label="Participants"
      gridClassName={withActions ? GRID_WITH_ACTIONS : GRID}
      estimateRowHeight={52}
      dynamicRowHeight
      onRowActivate={(row) => onOpenParticipant(row.original.identity)}
    />
  );
}
