'use client';

import type { SortingState } from '@tanstack/react-table';
import { useSearchParams } from 'next/navigation';

/** The rooms list's search and sort, kept in the URL: `?q=standup&sort=participants.desc`. */
export interface RoomsUrlState {
  search: string;
  sorting: SortingState;
}

export function parseRoomsUrlState(params: URLSearchParams): RoomsUrlState {
  const [id, direction] = (params.get('sort') ?? '').split('.');
  return {
    search: params.get('q') ?? '',
    sorting: id ? [{ id, desc: direction === 'desc' }] : [],
  };
}

export function formatRoomsUrlState(state: RoomsUrlState, base: URLSearchParams): string {
  const params = new URLSearchParams(base);
  if (state.search) params.set('q', state.search);
  else params.delete('q');
  const [sort] = state.sorting;
  if (sort) params.set('sort', `${sort.id}.${sort.desc ? 'desc' : 'asc'}`);
  else params.delete('sort');
  return params.toString();
}

/**
 * Reads the state from the URL and writes it back with the History API, which Next's
 * useSearchParams follows without a server round trip. Typing replaces the entry (Back does not
 * replay keystrokes); a new sort pushes one, so Back undoes it. A reload or a shared link shows
 * the same list.
 */
export function useRoomsUrlState(): [
  RoomsUrlState,
  (next: Partial<RoomsUrlState>, mode: 'push' | 'replace') => void,
] {
  const searchParams = useSearchParams();
  const state = parseRoomsUrlState(searchParams);

  const update = (next: Partial<RoomsUrlState>, mode: 'push' | 'replace') => {
    const query = formatRoomsUrlState({ ...state, ...next }, new URLSearchParams(location.search));
    const url = `${location.pathname}${query ? `?${query}` : ''}`;
    if (mode === 'push') window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
  };

  return [state, update];
}
