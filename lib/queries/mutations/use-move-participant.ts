'use client';

import { callOperation } from './call-operation';
import { livekitKeys } from '@/lib/queries/keys';
import type { MoveParticipantInput } from '@/lib/schemas/participants';

import { refreshRoom } from './cache';
import { useActionMutation } from './use-action-mutation';

/**
 * Move (leaves this room) or forward (tracks also appear in the destination). A "not implemented"
 * answer teaches the server's status capability, so the status is refetched to disable the action.
 */
export function useMoveParticipant() {
  return useActionMutation({
    action: (input: MoveParticipantInput) => callOperation('moveParticipant', input),
    success: (_data, { identity, destinationRoom, mode }) =>
      mode === 'move'
        ? `Moved ${identity} to ${destinationRoom}.`
        : `Forwarded ${identity} to ${destinationRoom}.`,
    failure: ({ identity, destinationRoom, mode }) =>
      `Could not ${mode} ${identity} to ${destinationRoom}`,
    update: (queryClient, _data, { roomName, destinationRoom }) => {
      refreshRoom(queryClient, roomName);
      refreshRoom(queryClient, destinationRoom);
      void queryClient.invalidateQueries({ queryKey: livekitKeys.status() });
    },
    onFailure: (queryClient, error) => {
      if (error.code === 'not_implemented') {
        void queryClient.invalidateQueries({ queryKey: livekitKeys.status() });
      }
    },
  });
}
