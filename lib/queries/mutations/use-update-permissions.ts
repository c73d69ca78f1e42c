'use client';

import { callOperation } from './call-operation';
import type { UpdatePermissionsInput } from '@/lib/schemas/participants';

import { refreshRoom, replaceParticipant } from './cache';
import { useActionMutation } from './use-action-mutation';

/** Sends a patch of ParticipantPermission fields; the server applies it to the current set. */
export function useUpdatePermissions() {
  return useActionMutation({
    action: (input: UpdatePermissionsInput) => callOperation('updatePermissions', input),
    success: (_participant, { identity }) => `Updated the permissions of ${identity}.`,
    failure: ({ identity }) => `Could not update the permissions of ${identity}`,
    update: (queryClient, participant, { roomName }) => {
      replaceParticipant(queryClient, roomName, participant);
      // Revoking publish rights unpublishes tracks, which changes the room's publisher count.
      refreshRoom(queryClient, roomName);
    },
  });
}
