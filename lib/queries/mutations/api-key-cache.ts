import type { QueryClient } from '@tanstack/react-query';

import type { ApiKeyDto } from '@/lib/contracts/api-keys';
import { apiKeyKeys } from '@/lib/queries/keys';

import { upsertNewestFirst } from './upsert-newest-first';

/** Puts the action's answer into the keys list at once (new or revoked), then refetches it. */
export function upsertApiKey(queryClient: QueryClient, apiKey: ApiKeyDto): void {
  upsertNewestFirst(queryClient, apiKeyKeys.list(), apiKey);
}
