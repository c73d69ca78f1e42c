'use client';

import { queryOptions, useQuery } from '@tanstack/react-query';

import type { BanDto } from '@/lib/contracts/bans';
import { fetchJson } from '@/lib/queries/fetch-json';
import { banKeys } from '@/lib/queries/keys';

export function bansQueryOptions() {
  return queryOptions({
    queryKey: banKeys.list(),
    queryFn: async ({ signal }) =>
      (await fetchJson<{ bans: BanDto[] }>('/api/v1/bans', { signal })).bans,
  });
}

/**
 * Not polled: bans change through this page and the participant menu (whose mutations update the
 * cache); refetching on window focus picks up other moderators' bans and expiries.
 */
export function useBans() {
  return useQuery(bansQueryOptions());
}
