'use client';

import { queryOptions, useQuery } from '@tanstack/react-query';

import type { UserDto } from '@/lib/contracts/dto';
import { fetchJson } from '@/lib/queries/fetch-json';
import { userKeys } from '@/lib/queries/keys';

export function usersQueryOptions() {
  return queryOptions({
    queryKey: userKeys.list(),
    queryFn: async ({ signal }) =>
      (await fetchJson<{ users: UserDto[] }>('/api/v1/users', { signal })).users,
  });
}

/**
 * Not polled like rooms: accounts change only through this page (whose mutations update the
 * cache) or the CLI; refetching on window focus is enough to pick up the latter.
 */
export function useUsers() {
  return useQuery(usersQueryOptions());
}
