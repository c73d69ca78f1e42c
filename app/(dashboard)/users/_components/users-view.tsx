'use client';

import type { SortingState, Updater } from '@tanstack/react-table';
import { UsersIcon } from 'lucide-react';
import { useDeferredValue, useMemo } from 'react';

import { EmptyState } from '@/components/ui/empty-state';
import { SearchInput } from '@/components/ui/search-input';
import { countLabel } from '@/lib/utils';
import { RetryErrorState } from '@/components/ui/retry-error-state';
import { TableSkeleton } from '@/components/ui/table-skeleton';
import { useListUrlState, useUrlSearchBox } from '@/lib/queries/list-url-state';
import { useUsers } from '@/lib/queries/users';

import { UsersTable } from './users-table';

export function UsersView({
  currentUserId,
  actorTenant,
}: {
  currentUserId: string;
  actorTenant: string | null;
}) {
  const { data: users, error, refetch, isFetching } = useUsers();
  // Search and sort live in the URL (`?q=…&sort=created.desc`), like the rooms list.
  const [urlState, setUrlState] = useListUrlState();
  const [search, setSearch] = useUrlSearchBox(urlState.search, (value) =>
    setUrlState({ search: value }, 'replace'),
  );
  const deferredSearch = useDeferredValue(search);
  const onSortingChange = (updater: Updater<SortingState>) => {
    const sorting = typeof updater === 'function' ? updater(urlState.sorting) : updater;
    setUrlState({ sorting }, 'push');
  };

  const filtered = useMemo(() => {
    const needle = deferredSearch.trim().toLowerCase();
    if (!users || !needle) return users ?? [];

    return users.filter(
      (user) => user.username.includes(needle) || user.name.toLowerCase().includes(needle),
    );
  }, [users, deferredSearch]);

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-3">
        <SearchInput
          aria-label="Search users by username or name"
          placeholder="Search by username or name"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          className="max-w-sm"
        />
        {users ? (
          <p className="text-muted-foreground text-sm" aria-live="polite">
            {countLabel(filtered.length, users.length, 'user')}
          </p>
        ) : null}
      </div>

      {users === undefined && error ? (
        <RetryErrorState error={error} onRetry={() => void refetch()} isRetrying={isFetching} />
      ) : users === undefined ? (
        <TableSkeleton label="Loading users" />
      ) : users.length === 0 ? (
        <EmptyState
          icon={<UsersIcon aria-hidden />}
          title="No users yet"
          className="bg-card rounded-lg border"
        >
          {actorTenant
            ? `Nobody is bound to tenant ${actorTenant} yet. Create the first account above.`
            : 'Create the first account above.'}
        </EmptyState>
      ) : filtered.length === 0 ? (
        <EmptyState title="No users match your search" className="bg-card rounded-lg border">
          Nobody&apos;s username or name contains “{deferredSearch.trim()}”.
        </EmptyState>
      ) : (
        <UsersTable
          users={filtered}
          currentUserId={currentUserId}
          actorTenant={actorTenant}
          sorting={urlState.sorting}
          onSortingChange={onSortingChange}
        />
      )}
    </div>
  );
}
