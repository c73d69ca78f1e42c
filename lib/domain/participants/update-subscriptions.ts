import 'server-only';

import * as livekit from '@/lib/livekit/room-service';
import { updateSubscriptionsInputSchema } from '@/lib/schemas/participants';

import type { Actor } from '../actor';
import { audited } from '../audit';
import { assertCan } from '../policy';
import { visibleRoom } from '../rooms/visible-room';
import { parseInput } from '../validate';

/** Subscribes or unsubscribes a participant to tracks of the others (asynchronous in LiveKit). */
export async function updateSubscriptions(actor: Actor, input: unknown): Promise<void> {
  const { roomName, identity, trackSids, subscribe } = parseInput(
    updateSubscriptionsInputSchema,
    input,
  );
  const params = { trackSids, subscribe };
  await audited(
    actor,
    'participant.subscriptions_updated',
    { roomName, identity },
    params,
    async () => {
      assertCan(actor, 'participants.subscriptions');
      await visibleRoom(actor, roomName);
      await livekit.updateSubscriptions(roomName, identity, trackSids, subscribe);
    },
  );
}
