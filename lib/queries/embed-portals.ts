'use client';

import { queryOptions, useQuery } from '@tanstack/react-query';

import type { EmbedPortalListDto } from '@/lib/contracts/embed-portals';
import { fetchJson } from '@/lib/queries/fetch-json';
import { embedPortalKeys } from '@/lib/queries/keys';

export function embedPortalsQueryOptions() {
  return queryOptions({
    queryKey: embedPortalKeys.list(),
    queryFn: async ({ signal }) =>
      (await fetchJson<EmbedPortalListDto>('/api/v1/embed-portals', { signal })).portals,
  });
}

/**
 * Not polled: portals change through this page, whose mutations update the cache; refetching on
 * window focus picks up the last-used times.
 */
export function useEmbedPortals() {
  return useQuery(embedPortalsQueryOptions());
}
