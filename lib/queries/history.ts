'use client';

import {
  type InfiniteData,
  infiniteQueryOptions,
  useInfiniteQuery,
  useQueryClient,
} from '@tanstack/react-query';

import type {
  RoomEventDto,
  RoomEventPageDto,
  RoomEventType,
  RoomSessionPageDto,
} from '@/lib/contracts/history';
import type { LiveEvent } from '@/lib/contracts/live-events';
import { fetchJson } from '@/lib/queries/fetch-json';
import {
  HISTORY_PAGE_SIZE,
  historySearchParams,
  type HistoryFilters,
} from '@/lib/queries/history-filters';
import { useLiveEvent } from '@/lib/queries/live-stream';

import { roomPath } from './rooms';

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
  useLiveEvent((event) => {
    if (!options.live || event.roomName !== roomName) return;
    const entry = toTimelineEntry(event);
    if (!entry) return;
    queryClient.setQueryData<InfiniteData<RoomEventPageDto, string | null>>(key, (data) => {
      if (!data || data.pages.length === 0) return data;
      if (data.pages.some((page) => page.events.some((e) => e.id === entry.id))) return data;
      const [head, ...rest] = data.pages;
      return { ...data, pages: [{ ...head!, events: [entry, ...head!.events] }, ...rest] };
    });
  });
  return useInfiniteQuery(roomEventsQueryOptions(roomName, roomSid));
}

/** A pushed event as the timeline entry the server records for it (lib/live/history-events.ts). */
export function toTimelineEntry(event: LiveEvent): RoomEventDto | null {
  const base = {
    id: event.id,
    roomName: event.roomName,
    atMs: event.atMs,
    type: event.type as RoomEventType,
  };
  switch (event.type) {
    case 'room.started':
      return { ...base, roomSid: event.room.sid, identity: null, trackSid: null, detail: {} };
    // Count changes are not activity; a metadata change is refetched with the rest.
    case 'room.updated':
      return null;
    case 'room.finished':
      return {
        ...base,
        roomSid: event.roomSid || null,
        identity: null,
        trackSid: null,
        detail: null,
      };
    case 'participant.joined':
      return {
        ...base,
        roomSid: null,
        identity: event.participant.identity,
        trackSid: null,
        detail: { name: event.participant.name, kind: event.participant.kind },
      };
    case 'participant.updated': {
      const changed = event.changed.filter((f) => f !== 'state' && f !== 'tracks');
      if (changed.length === 0) return null;
      const p = event.participant;
      return {
        ...base,
        roomSid: null,
        identity: p.identity,
        trackSid: null,
        detail: {
          changed,
          ...(changed.includes('name') ? { name: p.name } : {}),
          ...(changed.includes('metadata') ? { metadata: p.metadata } : {}),
          ...(changed.includes('attributes') ? { attributes: p.attributes } : {}),
          ...(changed.includes('permission') ? { permission: p.permission } : {}),
        },
      };
    }
    case 'participant.left':
      return {
        ...base,
        roomSid: null,
        identity: event.identity,
        trackSid: null,
        detail: { reason: event.reason },
      };
    case 'track.published':
    case 'track.unpublished':
    case 'track.muted':
    case 'track.unmuted':
      return {
        ...base,
        roomSid: null,
        identity: event.identity,
        trackSid: event.track.sid,
        detail: {
          source: event.track.source,
          trackType: event.track.type,
          trackName: event.track.name,
        },
      };
    case 'moderation.action':
      return {
        ...base,
        roomSid: null,
        identity: event.identity,
        trackSid: event.trackSid,
        detail: {
          action: event.action,
          actorName: event.actorName,
          outcome: event.outcome,
          errorCode: event.errorCode,
        },
      };
  }
}
