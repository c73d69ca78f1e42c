import type { QueryClient } from '@tanstack/react-query';

import type { ParticipantDto, RoomDto } from '@/lib/contracts/dto';
import { roomKeys } from '@/lib/queries/keys';

/**
 * Cache writes after a successful action: patch what the answer tells us at once, then refetch so
 * the next poll cannot be older than the patch. In-flight polls are cancelled first, because they
 * started before the change and would overwrite the patch with stale data.
 */
export function patchParticipants(
  queryClient: QueryClient,
  roomName: string,
  patch: (participants: ParticipantDto[]) => ParticipantDto[],
): void {
  const key = roomKeys.participants(roomName);
  void queryClient.cancelQueries({ queryKey: key });
  queryClient.setQueryData<ParticipantDto[]>(key, (old) => (old ? patch(old) : old));
  void queryClient.invalidateQueries({ queryKey: key });
}

export function replaceParticipant(
  queryClient: QueryClient,
  roomName: string,
  participant: ParticipantDto,
): void {
  patchParticipants(queryClient, roomName, (list) =>
    list.map((p) => (p.identity === participant.identity ? participant : p)),
  );
}

/** Refreshes a room's facts, its participants and the rooms list (counts change). */
export function refreshRoom(queryClient: QueryClient, roomName: string): void {
  void queryClient.invalidateQueries({ queryKey: roomKeys.detail(roomName) });
  void queryClient.invalidateQueries({ queryKey: roomKeys.list(), exact: true });
}

export function patchRoom(queryClient: QueryClient, room: RoomDto): void {
  queryClient.setQueryData<RoomDto>(roomKeys.detail(room.name), room);
  queryClient.setQueryData<RoomDto[]>(roomKeys.list(), (old) =>
    old?.map((r) => (r.name === room.name ? room : r)),
  );
  void queryClient.invalidateQueries({ queryKey: roomKeys.list(), exact: true });
}
