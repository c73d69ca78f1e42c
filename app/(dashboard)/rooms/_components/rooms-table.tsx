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

import { DurationSince } from '@/components/ui/duration-since';
import { VirtualTable } from '@/components/ui/virtual-table';
import type { RoomDto } from '@/lib/contracts/dto';
import { previewText } from '@/lib/utils';

const columns: ColumnDef<RoomDto>[] = [
  {
    id: 'name',
    accessorKey: 'name',
    header: 'Name',
    cell: ({ row }) => (
      <Link
        href={`/rooms/${encodeURIComponent(row.original.name)}`}
        className="text-primary block truncate font-medium underline-offset-4 hover:underline"
      >
        {row.original.name}
      </Link>
    ),
  },
  {
    id: 'participants',
    accessorKey: 'numParticipants',
    header: 'Participants',
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
    header: 'Metadata',
    cell: ({ row }) =>
      row.original.metadata ? (
        <code
          className="text-muted-foreground block truncate font-mono text-xs"
          title={previewText(row.original.metadata, 500)}
        >
          {previewText(row.original.metadata)}
        </code>
      ) : (
        <span className="text-muted-foreground">—</span>
      ),
    meta: { className: 'hidden md:block' },
  },
];

const GRID =
  'grid-cols-[minmax(10rem,2fr)_6.5rem_6.5rem_5.5rem_minmax(6rem,1fr)] md:grid-cols-[minmax(12rem,2fr)_7rem_7rem_6rem_minmax(6rem,1fr)_minmax(10rem,2fr)]';

export function RoomsTable({ rooms }: { rooms: RoomDto[] }) {
  const [sorting, setSorting] = useState<SortingState>([]);
  // The React Compiler is off; react-table manages its own memoization.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: rooms,
    columns,
    state: { sorting },
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getRowId: (room) => room.name,
  });

  return (
    <VirtualTable table={table} label="Active rooms" gridClassName={GRID} estimateRowHeight={44} />
  );
}
