'use client';

import { callOperation } from './call-operation';
import type { RoomDto } from '@/lib/contracts/dto';
import { roomKeys } from '@/lib/queries/keys';

import { useActionMutation } from './use-action-mutation';

const people = (n: number) => `${n} ${n === 1 ? 'person' : 'people'}`;

/** Closes a room; its caches are dropped so no view polls a room that no longer exists. */
export function useDeleteRoom() {
  return useActionMutation({
    action: (input: { roomName: string }) => callOperation('deleteRoom', input),
    success: ({ disconnected }, { roomName }) =>
      `Deleted room ${roomName}${disconnected > 0 ? ` and disconnected ${people(disconnected)}` : ''}.`,
    failure: ({ roomName }) => `Could not delete room ${roomName}`,
    update: (queryClient, _data, { roomName }) => {
      queryClient.removeQueries({ queryKey: roomKeys.detail(roomName) });
      queryClient.setQueryData<RoomDto[]>(roomKeys.list(), (old) =>
        old?.filter((r) => r.name !== roomName),
      );
      void queryClient.invalidateQueries({ queryKey: roomKeys.list(), exact: true });
    },
  });
}
