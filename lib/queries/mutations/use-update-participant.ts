'use client';

import { callOperation } from './call-operation';
import type { UpdateParticipantInput } from '@/lib/schemas/participants';

import { replaceParticipant } from './cache';
import { useActionMutation } from './use-action-mutation';

/** Name, metadata and attributes of one participant. */
export function useUpdateParticipant() {
  return useActionMutation({
    action: (input: UpdateParticipantInput) => callOperation('updateParticipant', input),
    success: (_participant, { identity }) => `Saved the details of ${identity}.`,
    failure: ({ identity }) => `Could not save the details of ${identity}`,
    update: (queryClient, participant, { roomName }) =>
      replaceParticipant(queryClient, roomName, participant),
  });
}
