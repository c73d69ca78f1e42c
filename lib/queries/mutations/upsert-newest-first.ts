import type { QueryClient, QueryKey } from '@tanstack/react-query';

/**
 * Puts an action's answer into a list kept newest first (API keys, embedding portals) at once —
 * a new entry, or a changed one such as revoked — then refetches the list. Polls in flight are
 * cancelled first: they started before the change and would overwrite the patch.
 */
export function upsertNewestFirst<T extends { id: string; createdAtMs: number }>(
  queryClient: QueryClient,
  queryKey: QueryKey,
  item: T,
): void {
  void queryClient.cancelQueries({ queryKey });
  queryClient.setQueryData<T[]>(queryKey, (old) => {
    if (!old) return old;
    const rest = old.filter((entry) => entry.id !== item.id);
    return [item, ...rest].sort((a, b) => b.createdAtMs - a.createdAtMs);
  });
  void queryClient.invalidateQueries({ queryKey });
}
