'use client';

import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';

import type { RoomEventPageDto, RoomSessionPageDto } from '@/lib/contracts/history';
import { fetchJson } from '@/lib/queries/fetch-json';
import {
  HISTORY_PAGE_SIZE,
  historySearchParams,
  type HistoryFilters,
} from '@/lib/queries/history-filters';
import { historyKeys } from '@/lib/queries/keys';
import { LIVE_TIMELINE_META } from '@/lib/queries/live-patch';

import { roomPath } from './api-paths';

export function roomSessionsQueryOptions(filters: HistoryFilters) {
  return infiniteQueryOptions({
    queryKey: historyKeys.sessions(filters),
    queryFn: ({ pageParam, signal }) =>
      fetchJson<RoomSessionPageDto>(
        `/api/v1/history/rooms?${historySearchParams(filters, {
          cursor: pageParam ?? undefined,
          limit: String(HISTORY_PAGE_SIZE),
        })}`,
        { signal },
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
    // The first page comes from the server render; dropping the cache on unmount makes a revisit
    // start from that fresh page again.
    staleTime: Infinity,
    gcTime: 0,
  });
}

export function useRoomSessions(filters: HistoryFilters, firstPage: RoomSessionPageDto) {
  return useInfiniteQuery({
    ...roomSessionsQueryOptions(filters),
    initialData: { pages: [firstPage], pageParams: [null] },
  });
}

export const TIMELINE_PAGE_SIZE = 50;

export function roomEventsQueryOptions(roomName: string, roomSid: string | null) {
  return infiniteQueryOptions({
    queryKey: historyKeys.events(roomName, roomSid),
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams({ limit: String(TIMELINE_PAGE_SIZE) });
      if (roomSid) params.set('roomSid', roomSid);
      if (pageParam) params.set('cursor', pageParam);
      return fetchJson<RoomEventPageDto>(`${roomPath(roomName)}/events?${params}`, { signal });
    },
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
    staleTime: Infinity,
    gcTime: 0,
  });
}

/**
 * A room's timeline, newest first. With `live`, the stream prepends the room's events as they
 * arrive (lib/queries/live-patch.ts), so the timeline moves without polling.
 */
export function useRoomEvents(
  roomName: string,
  options: { roomSid?: string | null; live?: boolean } = {},
) {
  return useInfiniteQuery({
    ...roomEventsQueryOptions(roomName, options.roomSid ?? null),
    meta: options.live ? LIVE_TIMELINE_META : undefined,
  });
}
