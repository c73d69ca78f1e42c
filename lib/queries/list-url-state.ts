'use client';

import type { SortingState } from '@tanstack/react-table';
import { useRouter, useSearchParams } from 'next/navigation';
import { startTransition, useOptimistic, useState } from 'react';

import { formatSortParam, parseSortParam } from '@/lib/queries/sort-param';

/**
 * A list page's search and sort kept in the URL, `?q=ann&sort=created.desc`: shareable, kept by a
 * reload, undone by Back. The sort param is sort-param.ts's `<column id>.<asc|desc>`.
 */
export interface ListUrlState {
  search: string;
  sorting: SortingState;
}

export const SEARCH_PARAM = 'q';
export const SORT_PARAM = 'sort';

export function parseListUrlState(params: URLSearchParams): ListUrlState {
  return {
    search: params.get(SEARCH_PARAM) ?? '',
    sorting: parseSortParam(params.get(SORT_PARAM)),
  };
}

/** The query string with the state written into `base` (other params kept, defaults left out). */
export function formatListUrlState(state: ListUrlState, base: URLSearchParams): string {
  const params = new URLSearchParams(base);
  if (state.search) params.set(SEARCH_PARAM, state.search);
  else params.delete(SEARCH_PARAM);
  const sort = formatSortParam(state.sorting);
  if (sort) params.set(SORT_PARAM, sort);
  else params.delete(SORT_PARAM);
  return params.toString();
}

/**
 * Reads the state from the URL and writes it through Next's router, never through
 * `history.pushState`: Next's patched History API keeps the router tree of the entry being left
 * (https://github.com/vercel/next.js/issues/93923), which breaks Back after a reload. Typing
 * replaces the entry (Back does not replay keystrokes); a new sort pushes one. The written value
 * shows at once (optimistically) while the router fetches the page for the new URL.
 */
export function useListUrlState(): [
  ListUrlState,
  (next: Partial<ListUrlState>, mode: 'push' | 'replace') => void,
] {
  const router = useRouter();
  const [state, setOptimisticState] = useOptimistic(parseListUrlState(useSearchParams()));

  const update = (next: Partial<ListUrlState>, mode: 'push' | 'replace') => {
    const target = { ...state, ...next };
    const query = formatListUrlState(target, new URLSearchParams(location.search));
    const href = `${location.pathname}${query ? `?${query}` : ''}`;
    startTransition(() => {
      setOptimisticState(target);
      if (mode === 'push') router.push(href, { scroll: false });
      else router.replace(href, { scroll: false });
    });
  };

  return [state, update];
}

/**
 * A search box over a URL-kept search: it keeps its own text so typing never waits for the URL,
 * writes each change to the URL at once, and refills from the URL when that changes (Back). Never
 * later from a timer: Next runs the newest navigation and drops the one in flight, so a write that
 * fired after a click on a link would cancel that click.
 */
export function useUrlSearchBox(
  urlSearch: string,
  writeSearch: (search: string) => void,
): [string, (value: string) => void] {
  const [search, setSearch] = useState(urlSearch);
  const [shownUrlSearch, setShownUrlSearch] = useState(urlSearch);
  if (urlSearch !== shownUrlSearch) {
    setShownUrlSearch(urlSearch);
    setSearch(urlSearch);
  }
  const onSearch = (value: string) => {
    setSearch(value);
    writeSearch(value);
  };

  return [search, onSearch];
}
