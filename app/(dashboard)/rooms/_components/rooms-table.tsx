'use client';

import {
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type OnChangeFn,
  type SortingState,
} from '@tanstack/react-table';
import Link from 'next/link';
import { createContext, useContext } from 'react';

import { RoomLockBadge } from '@/components/moderation/room-lock/room-lock-badge';

import { DurationSince } from '@/components/ui/duration-since';
import { VirtualTable } from '@/components/ui/virtual-table';
import type { RoomDto } from '@/lib/contracts/dto';
import type { RoomLockDto } from '@/lib/contracts/room-locks';
import { useRoomLocks } from '@/lib/queries/room-locks';
import { useRoomHref } from '@/lib/queries/room-links';
import { previewText } from '@/lib/utils';

import { roomTitle } from './room-title';

/** Locked rooms by name, read once for the whole table (the columns are static). */
const RoomLocksContext = createContext<ReadonlyMap<string, RoomLockDto> | undefined>(undefined);

function RoomNameLink({ roomName }: { roomName: string }) {
  const roomHref = useRoomHref();
  const lock = useContext(RoomLocksContext)?.get(roomName);
  return (
    <span className="flex min-w-0 items-center gap-2">
      <Link
        href={roomHref(roomName)}
        className="text-primary block truncate font-medium underline-offset-4 hover:underline"
      >
        {roomName}
      </Link>
      <RoomLockBadge lock={lock} />
    </span>
  );
}

const columns: ColumnDef<RoomDto>[] = [
  {
    id: 'name',
    accessorKey: 'name',
    header: 'Name',
    cell: ({ row }) => <RoomNameLink roomName={row.original.name} />,
  },
  {
    id: 'participants',
    accessorKey: 'numParticipants',
    header: 'Participants',
    // LiveKit's count leaves recorders out (participant-count.ts): while one records, say so, as
    // the room's page will list it.
    cell: ({ row }) => (
      <span className="whitespace-nowrap">
        {row.original.numParticipants}
        {row.original.activeRecording ? (
          <span className="text-muted-foreground text-xs">
            {' + recorder'}
            <span className="sr-only">, not counted</span>
          </span>
        ) : null}
      </span>
    ),
    meta: { className: 'text-right tabular-nums' },
  },
  {
    id: 'publishers',
    accessorKey: 'numPublishers',
    header: 'Publishers',
    meta: { className: 'text-right tabular-nums' },
  },
  {
    id: 'age',
    // Older rooms have a larger age, i.e. an earlier creation time.
    accessorFn: (room) => -room.creationTimeMs,
    header: 'Age',
    cell: ({ row }) => <DurationSince sinceMs={row.original.creationTimeMs} />,
    sortDescFirst: false,
  },
  {
    id: 'tenant',
    accessorFn: (room) => room.tenant ?? '',
    header: 'Tenant',
    cell: ({ row }) => row.original.tenant ?? <span className="text-muted-foreground">—</span>,
  },
  {
    id: 'metadata',
    accessorKey: 'metadata',
    header: 'Title / metadata',
    // A JSON title ({"title": …} or {"name": …}) reads as text; other metadata as a code preview.
    cell: ({ row }) => {
      const { metadata } = row.original;
      const title = roomTitle(metadata);
      if (title) {
        return (
          <span className="block truncate" title={previewText(metadata, 500)}>
            {title}
          </span>
        );
      }
      return metadata ? (
        <code
          className="text-muted-foreground block truncate font-mono text-xs"
          title={previewText(metadata, 500)}
        >
          {previewText(metadata)}
        </code>
      ) : (
        <span className="text-muted-foreground">—</span>
      );
    },
    sortingFn: (a, b) =>
      (roomTitle(a.original.metadata) ?? a.original.metadata).localeCompare(
        roomTitle(b.original.metadata) ?? b.original.metadata,
      ),
    meta: { className: 'hidden md:block' },
  },
];

const GRID =
  'grid-cols-[minmax(10rem,2fr)_6.5rem_6.5rem_5.5rem_minmax(6rem,1fr)] md:grid-cols-[minmax(12rem,2fr)_7rem_7rem_6rem_minmax(6rem,1fr)_minmax(10rem,2fr)]';

/** The rooms list; its sort lives with the caller (in the URL). */
export function RoomsTable({
  rooms,
  sorting,
  onSortingChange,
}: {
  rooms: RoomDto[];
  sorting: SortingState;
  onSortingChange: OnChangeFn<SortingState>;
}) {
  const { data: locks } = useRoomLocks();
  // The React Compiler is off; react-table manages its own memoization.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: rooms,
    columns,
    state: { sorting },
    onSortingChange,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getRowId: (room) => room.name,
  });

  return (
    <RoomLocksContext value={locks}>
      <VirtualTable
        table={table}
        label="Active rooms"
        gridClassName={GRID}
        estimateRowHeight={44}
      />
    </RoomLocksContext>
  );
}
