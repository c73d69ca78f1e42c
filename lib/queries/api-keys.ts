'use client';

import { queryOptions, useQuery } from '@tanstack/react-query';

import type { ApiKeyDto } from '@/lib/contracts/api-keys';
import { fetchJson } from '@/lib/queries/fetch-json';
import { apiKeyKeys } from '@/lib/queries/keys';

export function apiKeysQueryOptions() {
  return queryOptions({
    queryKey: apiKeyKeys.list(),
    queryFn: async ({ signal }) =>
      (await fetchJson<{ apiKeys: ApiKeyDto[] }>('/api/v1/api-keys', { signal })).apiKeys,
  });
}

/**
 * Not polled: keys change through this page (whose mutations update the cache) or the CLI;
 * refetching on window focus picks up the latter, and the last-used times with it.
 */
export function useApiKeys() {
  return useQuery(apiKeysQueryOptions());
}
