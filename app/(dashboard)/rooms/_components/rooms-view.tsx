'use client';

import type { SortingState, Updater } from '@tanstack/react-table';
import { InboxIcon } from 'lucide-react';
import { useDeferredValue, useMemo } from 'react';

import { EmptyState } from '@/components/ui/empty-state';
import { RetryErrorState } from '@/components/ui/retry-error-state';
import { SearchInput } from '@/components/ui/search-input';
import { countLabel } from '@/lib/utils';
import { TableSkeleton } from '@/components/ui/table-skeleton';
import { useListUrlState, useUrlSearchBox } from '@/lib/queries/list-url-state';
import { useRooms } from '@/lib/queries/rooms';
import type { InitialError } from '@/lib/queries/upstream-error';

import { RoomsTable } from './rooms-table';

export function RoomsView({ initialError }: { initialError: InitialError | null }) {
  const { data: rooms, error, isPending, refetch, isFetching } = useRooms();
  // `?q=standup&sort=participants.desc`: written through Next's router, so Back works after a
  // reload too (lib/queries/list-url-state.ts says why not the bare History API).
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
    if (!rooms || !needle) return rooms ?? [];

    return rooms.filter((room) => room.name.toLowerCase().includes(needle));
  }, [rooms, deferredSearch]);

  const shownError = error ?? (isPending ? initialError : null);

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-3">
        <SearchInput
          aria-label="Search rooms by name"
          placeholder="Search rooms by name"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          className="max-w-sm"
        />
        {rooms ? (
          <p className="text-muted-foreground text-sm" aria-live="polite">
            {countLabel(filtered.length, rooms.length, 'room')}
          </p>
        ) : null}
      </div>

      {rooms === undefined && shownError ? (
        <RetryErrorState
          error={shownError}
          onRetry={() => void refetch()}
          isRetrying={isFetching}
        />
      ) : rooms === undefined ? (
        <TableSkeleton label="Loading rooms" />
      ) : rooms.length === 0 ? (
        <EmptyState
          icon={<InboxIcon aria-hidden />}
          title="No active rooms"
          className="bg-card rounded-lg border"
        >
          Rooms appear here as soon as someone joins one, or when a room is created through the
          LiveKit API.
        </EmptyState>
      ) : filtered.length === 0 ? (
        <EmptyState title="No rooms match your search" className="bg-card rounded-lg border">
          Nothing is named like “{deferredSearch.trim()}”. Try a shorter search.
        </EmptyState>
      ) : (
        <RoomsTable rooms={filtered} sorting={urlState.sorting} onSortingChange={onSortingChange} />
      )}
    </div>
  );
}
