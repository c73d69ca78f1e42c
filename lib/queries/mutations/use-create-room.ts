'use client';

import { callOperation } from './call-operation';
import type { RoomDto } from '@/lib/contracts/dto';
import { roomKeys } from '@/lib/queries/keys';
import type { CreateRoomInput } from '@/lib/schemas/rooms';

import { useActionMutation } from './use-action-mutation';

export function useCreateRoom() {
  return useActionMutation({
    action: (input: CreateRoomInput) => callOperation('createRoom', input),
    success: (room) => `Created room ${room.name}.`,
    failure: ({ roomName }) => `Could not create room ${roomName}`,
    update: (queryClient, room) => {
      queryClient.setQueryData<RoomDto[]>(roomKeys.list(), (old) =>
        old ? [...old.filter((r) => r.name !== room.name), room] : old,
      );
      queryClient.setQueryData<RoomDto>(roomKeys.detail(room.name), room);
      void queryClient.invalidateQueries({ queryKey: roomKeys.list(), exact: true });
    },
  });
}
