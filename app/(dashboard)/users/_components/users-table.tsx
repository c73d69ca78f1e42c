'use client';

import {
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type OnChangeFn,
  type SortingState,
} from '@tanstack/react-table';
import { useMemo } from 'react';

import { Badge } from '@/components/ui/badge';
import { DataTable } from '@/components/ui/data-table';
import { RelativeTime } from '@/components/ui/relative-time';
import type { UserDto } from '@/lib/contracts/dto';
import { ROLES } from '@/lib/contracts/permissions';

import { UserActions } from './user-actions';

function Dash() {
  return <span className="text-muted-foreground">—</span>;
}

function buildColumns(currentUserId: string, actorTenant: string | null): ColumnDef<UserDto>[] {
  return [
    {
      id: 'username',
      accessorKey: 'username',
      header: 'Username',
      cell: ({ row }) => (
        <span className="block truncate font-mono text-xs font-medium">
          {row.original.username}
          {row.original.id === currentUserId ? (
            <span className="text-muted-foreground font-sans"> (you)</span>
          ) : null}
        </span>
      ),
      meta: { rowHeader: true },
    },
    {
      id: 'name',
      accessorKey: 'name',
      header: 'Name',
      cell: ({ row }) => <span className="block truncate">{row.original.name}</span>,
    },
    {
      id: 'role',
      // By rank (viewer < moderator < admin), not alphabetically.
      accessorFn: (user) => ROLES.indexOf(user.role),
      header: 'Role',
      cell: ({ row }) => <span className="capitalize">{row.original.role}</span>,
    },
    {
      id: 'tenant',
      accessorFn: (user) => user.tenant ?? '',
      header: 'Tenant',
      cell: ({ row }) =>
        row.original.tenant ? (
          <span className="block truncate">{row.original.tenant}</span>
        ) : (
          <Dash />
        ),
    },
    {
      id: 'provider',
      accessorFn: (user) => (user.provider === 'oidc' ? 'OIDC' : 'Local'),
      header: 'Provider',
    },
    {
      id: 'status',
      accessorFn: (user) => (user.disabled ? 'Disabled' : 'Active'),
      header: 'Status',
      cell: ({ getValue }) => {
        const status = getValue<string>();
        return <Badge tone={status === 'Disabled' ? 'danger' : 'success'}>{status}</Badge>;
      },
    },
    {
      id: 'lastSignIn',
      accessorFn: (user) => user.lastSignInAtMs ?? undefined,
      header: 'Last sign-in',
      // Never signed in sorts after everyone, whichever the direction.
      sortUndefined: 'last',
      cell: ({ row }) =>
        row.original.lastSignInAtMs ? <RelativeTime atMs={row.original.lastSignInAtMs} /> : 'Never',
      meta: { className: 'whitespace-nowrap' },
    },
    {
      id: 'created',
      accessorKey: 'createdAtMs',
      header: 'Created',
      cell: ({ row }) => <RelativeTime atMs={row.original.createdAtMs} />,
      meta: { className: 'whitespace-nowrap' },
    },
    {
      id: 'actions',
      header: 'Actions',
      cell: ({ row }) => (
        <UserActions
          user={row.original}
          isSelf={row.original.id === currentUserId}
          actorTenant={actorTenant}
        />
      ),
      enableSorting: false,
      meta: { className: 'text-right' },
    },
  ];
}

const GRID =
  'grid-cols-[minmax(10rem,1.5fr)_minmax(8rem,1.5fr)_6rem_minmax(6rem,1fr)_5rem_5.5rem_7rem_7rem_10.5rem]';

/**
 * Every account in the DOM (an organisation has tens, not thousands: no virtualization, so
 * find-in-page and screen readers reach every row), in the tables' one style; the sort lives with
 * the caller (in the URL).
 */
export function UsersTable({
  users,
  currentUserId,
  actorTenant,
  sorting,
  onSortingChange,
}: {
  users: UserDto[];
  currentUserId: string;
  actorTenant: string | null;
  sorting: SortingState;
  onSortingChange: OnChangeFn<SortingState>;
}) {
  const columns = useMemo(
    () => buildColumns(currentUserId, actorTenant),
    [currentUserId, actorTenant],
  );
  // The React Compiler is off; react-table manages its own memoization.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: users,
    columns,
    state: { sorting },
    onSortingChange,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getRowId: (user) => user.id,
  });

  return (
    <DataTable
      table={table}
      label="Dashboard users"
      gridClassName={GRID}
      minWidthClassName="min-w-[74rem]"
      getRowClassName={(row) => (row.original.disabled ? 'text-muted-foreground' : undefined)}
    />
  );
}
