'use client';

import {
  type InfiniteData,
  infiniteQueryOptions,
  useInfiniteQuery,
  useQueryClient,
} from '@tanstack/react-query';

import type { RoomEventDto, RoomEventPageDto, RoomSessionPageDto } from '@/lib/contracts/history';
import { toTimelineEntry } from '@/lib/contracts/timeline-entry';
import { fetchJson } from '@/lib/queries/fetch-json';
import {
  HISTORY_PAGE_SIZE,
  historySearchParams,
  type HistoryFilters,
} from '@/lib/queries/history-filters';
import { useLiveEvents } from '@/lib/queries/live-stream';

import { roomPath } from './api-paths';

/** History's query keys (session lists and room timelines). */
export const historyKeys = {
  all: ['history'] as const,
  sessions: (filters: HistoryFilters) => [...historyKeys.all, 'sessions', filters] as const,
  events: (roomName: string, roomSid: string | null) =>
    [...historyKeys.all, 'events', roomName, roomSid] as const,
};

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
 * A room's timeline, newest first. With `live`, events pushed for the room are prepended as they
 * arrive (the same entries the server records), so the timeline moves without polling.
 */
export function useRoomEvents(
  roomName: string,
  options: { roomSid?: string | null; live?: boolean } = {},
) {
  const roomSid = options.roomSid ?? null;
  const queryClient = useQueryClient();
  const key = historyKeys.events(roomName, roomSid);
  useLiveEvents((events) => {
    if (!options.live) return;
    // Count changes are not activity; a room's metadata change is refetched with the rest.
    const entries = events.flatMap((event) =>
      event.roomName !== roomName || event.type === 'room.updated'
        ? []
        : (toTimelineEntry(event) ?? []),
    );
    if (entries.length === 0) return;
    queryClient.setQueryData<InfiniteData<RoomEventPageDto, string | null>>(key, (data) => {
      if (!data || data.pages.length === 0) return data;
      const known = new Set(data.pages.flatMap((page) => page.events.map((e) => e.id)));
      // Newest first, as the timeline reads.
      const fresh: RoomEventDto[] = [];
      for (const entry of entries) {
        if (known.has(entry.id)) continue;
        known.add(entry.id);
        fresh.unshift(entry);
      }
      if (fresh.length === 0) return data;
      const [head, ...rest] = data.pages;
      return { ...data, pages: [{ ...head!, events: [...fresh, ...head!.events] }, ...rest] };
    });
  });
  return useInfiniteQuery(roomEventsQueryOptions(roomName, roomSid));
}
