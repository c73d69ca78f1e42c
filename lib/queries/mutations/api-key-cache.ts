import type { QueryClient } from '@tanstack/react-query';

import type { ApiKeyDto } from '@/lib/contracts/api-keys';
import { apiKeyKeys } from '@/lib/queries/keys';

/** Puts the action's answer into the keys list at once (new or revoked), then refetches it. */
export function upsertApiKey(queryClient: QueryClient, apiKey: ApiKeyDto): void {
  const key = apiKeyKeys.list();
  void queryClient.cancelQueries({ queryKey: key });
  queryClient.setQueryData<ApiKeyDto[]>(key, (old) => {
    if (!old) return old;
    const rest = old.filter((k) => k.id !== apiKey.id);
    return [apiKey, ...rest].sort((a, b) => b.createdAtMs - a.createdAtMs);
  });
  void queryClient.invalidateQueries({ queryKey: key });
}
