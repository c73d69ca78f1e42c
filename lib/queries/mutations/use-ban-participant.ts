'use client';

import type { BanParticipantInput } from '@/lib/schemas/bans';
import { banKeys } from '@/lib/queries/keys';

import { patchParticipants, refreshRoom } from './cache';
import { callOperation } from './call-operation';
import { useActionMutation } from './use-action-mutation';

export function useBanParticipant() {
  return useActionMutation({
    action: (input: BanParticipantInput) => callOperation('banParticipant', input),
    success: ({ removed }, { identity, roomName }) =>
      removed
        ? `Removed and banned ${identity} from ${roomName}.`
        : `Banned ${identity}; they had already left ${roomName}.`,
    failure: ({ identity }) => `Could not ban ${identity}`,
    update: (queryClient, _data, { identity, roomName }) => {
      patchParticipants(queryClient, roomName, (list) =>
        list.filter((p) => p.identity !== identity),
      );
      refreshRoom(queryClient, roomName);
      void queryClient.invalidateQueries({ queryKey: banKeys.all });
    },
  });
}
