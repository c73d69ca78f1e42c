'use client';

import { callOperation } from './call-operation';
import { roomKeys } from '@/lib/queries/keys';
import type { UpdateSubscriptionsInput } from '@/lib/schemas/participants';

import { useActionMutation } from './use-action-mutation';

const tracks = (n: number) => `${n} ${n === 1 ? 'track' : 'tracks'}`;

/** Subscribes or unsubscribes a participant (LiveKit applies it asynchronously). */
export function useUpdateSubscriptions() {
  return useActionMutation({
    action: (input: UpdateSubscriptionsInput) => callOperation('updateSubscriptions', input),
    success: (_data, { identity, subscribe, trackSids }) =>
      subscribe
        ? `Subscribed ${identity} to ${tracks(trackSids.length)}.`
        : `Unsubscribed ${identity} from ${tracks(trackSids.length)}.`,
    failure: ({ identity }) => `Could not change the subscriptions of ${identity}`,
    // The subscriptions dialog starts from these changes (getParticipantSubscriptions).
    update: (queryClient, _data, { roomName, identity }) =>
      void queryClient.invalidateQueries({ queryKey: roomKeys.subscriptions(roomName, identity) }),
  });
}
