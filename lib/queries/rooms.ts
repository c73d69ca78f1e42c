'use client';

import { queryOptions, useQuery } from '@tanstack/react-query';

import type { RoomDto } from '@/lib/contracts/dto';
import { ROOMS_PATH, roomPath } from '@/lib/queries/api-paths';
import { fetchJson } from '@/lib/queries/fetch-json';
import { roomKeys } from '@/lib/queries/keys';
import { useLiveRefresh } from '@/lib/queries/live-refresh';

export function roomsQueryOptions() {
  return queryOptions({
    queryKey: roomKeys.list(),
    queryFn: async ({ signal }) =>
      (await fetchJson<{ rooms: RoomDto[] }>(ROOMS_PATH, { signal })).rooms,
  });
}

export function roomQueryOptions(roomName: string) {
  return queryOptions({
    queryKey: roomKeys.detail(roomName),
    queryFn: ({ signal }) => fetchJson<RoomDto>(roomPath(roomName), { signal }),
  });
}

export function useRooms() {
  return useQuery({ ...roomsQueryOptions(), ...useLiveRefresh() });
}

export function useRoom(roomName: string) {
  return useQuery({ ...roomQueryOptions(roomName), ...useLiveRefresh() });
}
