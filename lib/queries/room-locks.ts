'use client';

import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';

import {
  ROOM_LOCK_CHANGES,
  type RoomLockDto,
  type RoomLockListDto,
} from '@/lib/contracts/room-locks';
import { roomPath } from '@/lib/queries/api-paths';
import { fetchJson } from '@/lib/queries/fetch-json';
import { roomKeys } from '@/lib/queries/keys';
import { useLiveRefresh } from '@/lib/queries/live-refresh';
import { useLiveEvents } from '@/lib/queries/live-stream';

export function roomLockQueryOptions(roomName: string) {
  return queryOptions({
    queryKey: roomKeys.lock(roomName),
    queryFn: ({ signal }) => fetchJson<RoomLockDto>(`${roomPath(roomName)}/lock`, { signal }),
  });
}

export function roomLocksQueryOptions() {
  return queryOptions({
    queryKey: roomKeys.locks(),
    queryFn: async ({ signal }) =>
      (await fetchJson<RoomLockListDto>('/api/v1/room-locks', { signal })).locks,
  });
}

/**
 * A lock is Moderato's, not LiveKit's: no webhook reports it. Moderators' streams carry the
 * `moderation.action` of each lock change (and a room that ends takes its lock with it), so
 * those refetch at once; the rest refetch with the stream's reconnects and while polling.
 */
function useLockChanges(roomName: string | null) {
  const queryClient = useQueryClient();
  useLiveEvents((events) => {
    const rooms = new Set(
      events
        .filter(
          (e) =>
            (e.type === 'moderation.action' && ROOM_LOCK_CHANGES.includes(e.action)) ||
            e.type === 'room.finished',
        )
        .map((e) => e.roomName)
        .filter((name) => roomName === null || name === roomName),
    );
    if (rooms.size === 0) return;
    void queryClient.invalidateQueries({ queryKey: roomKeys.locks(), exact: true });
    for (const name of rooms) {
      void queryClient.invalidateQueries({ queryKey: roomKeys.lock(name), exact: true });
    }
  });
}

export function useRoomLock(roomName: string) {
  useLockChanges(roomName);
  return useQuery({ ...roomLockQueryOptions(roomName), ...useLiveRefresh() });
}

/** Locked rooms by name (the rooms page's badges). */
export function useRoomLocks() {
  useLockChanges(null);
  return useQuery({
    ...roomLocksQueryOptions(),
    ...useLiveRefresh(),
    select: (locks) => new Map(locks.map((lock) => [lock.roomName, lock])),
  });
}
