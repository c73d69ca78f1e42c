'use client';

import { callOperation } from './call-operation';
import type { RemoveParticipantInput } from '@/lib/schemas/participants';

import { patchParticipants, refreshRoom } from './cache';
import { useActionMutation } from './use-action-mutation';

export function useRemoveParticipant() {
  return useActionMutation({
    action: (input: RemoveParticipantInput) => callOperation('removeParticipant', input),
    success: (_data, { identity, roomName }) => `Removed ${identity} from ${roomName}.`,
    failure: ({ identity, roomName }) => `Could not remove ${identity} from ${roomName}`,
    update: (queryClient, _data, { identity, roomName }) => {
      patchParticipants(queryClient, roomName, (list) =>
        list.filter((p) => p.identity !== identity),
      );
      refreshRoom(queryClient, roomName);
    },
  });
}
