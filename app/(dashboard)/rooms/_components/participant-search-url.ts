'use client';

import { useRouter, useSearchParams } from 'next/navigation';
import { startTransition, useCallback, useOptimistic } from 'react';

import { PARTICIPANT_QUERY_MAX } from '@/lib/schemas/participant-search';

/** The rooms page's participant search, kept in the URL beside the list's own `q` and `sort`. */
export const PARTICIPANT_SEARCH_PARAM = 'participant';

/** The search in a URL: trimmed, bounded like the API's query; '' when there is none. */
export function parseParticipantSearch(params: URLSearchParams): string {
  return (params.get(PARTICIPANT_SEARCH_PARAM) ?? '').trim().slice(0, PARTICIPANT_QUERY_MAX);
}

/** The URL's query string with the search set (or removed when blank), other params kept. */
export function formatParticipantSearch(query: string, base: URLSearchParams): string {
  const params = new URLSearchParams(base);
  if (query) params.set(PARTICIPANT_SEARCH_PARAM, query);
  else params.delete(PARTICIPANT_SEARCH_PARAM);
  return params.toString();
}

/**
 * Reads the search from the URL and writes it through Next's router, for the reason
 * lib/queries/list-url-state.ts gives (Back after a reload breaks on `history.pushState`): a
 * debounced search replaces the entry, a submitted one pushes it, so Back returns to the previous
 * search. The written value shows at once while the router fetches the page for the new URL.
 */
export function useParticipantSearchParam(): [
  string,
  (query: string, mode: 'push' | 'replace') => void,
] {
  const router = useRouter();
  const [query, setOptimisticQuery] = useOptimistic(parseParticipantSearch(useSearchParams()));
  // Stable, so a debounce that depends on it is not restarted by every render.
  const setQuery = useCallback(
    (next: string, mode: 'push' | 'replace') => {
      const search = formatParticipantSearch(next, new URLSearchParams(location.search));
      const href = `${location.pathname}${search ? `?${search}` : ''}`;
      startTransition(() => {
        setOptimisticQuery(parseParticipantSearch(new URLSearchParams(search)));
        if (mode === 'push') router.push(href, { scroll: false });
        else router.replace(href, { scroll: false });
      });
    },
    [router, setOptimisticQuery],
  );
  return [query, setQuery];
}
