'use client';

import { callOperation } from './call-operation';
import type { UpdateRoomMetadataInput } from '@/lib/schemas/rooms';

import { patchRoom } from './cache';
import { useActionMutation } from './use-action-mutation';

export function useUpdateRoomMetadata() {
  return useActionMutation({
    action: (input: UpdateRoomMetadataInput) => callOperation('updateRoomMetadata', input),
    success: (room) => `Saved the metadata of ${room.name}.`,
    failure: ({ roomName }) => `Could not save the metadata of ${roomName}`,
    update: (queryClient, room) => patchRoom(queryClient, room),
  });
}
