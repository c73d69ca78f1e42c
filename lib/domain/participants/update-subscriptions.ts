import 'server-only';

import * as livekit from '@/lib/livekit/room-service';
import { updateSubscriptionsInputSchema } from '@/lib/schemas/participants';

import { defineOperation } from '../operation';

/** Its audit action; getParticipantSubscriptions reads these rows back. */
export const SUBSCRIPTIONS_UPDATED = 'participant.subscriptions_updated';

/** Subscribes or unsubscribes a participant to tracks of the others (asynchronous in LiveKit). */
export const updateSubscriptions = defineOperation({
  name: 'updateSubscriptions',
  summary: 'Subscribe or unsubscribe a participant to tracks',
  description: 'Asynchronous in LiveKit; unknown track sids are not an error.',
  tag: 'Participants',
  input: updateSubscriptionsInputSchema,
  output: null,
  permission: 'participants.subscriptions',
  http: { method: 'POST', path: '/rooms/{roomName}/participants/{identity}/subscriptions' },
  audit: {
    action: SUBSCRIPTIONS_UPDATED,
    params: ({ trackSids, subscribe }) => ({ trackSids, subscribe }),
  },
  rooms: ({ roomName }) => [roomName],
  errors: ['not_found'],
  async act(_context, { roomName, identity, trackSids, subscribe }) {
    await livekit.updateSubscriptions(roomName, identity, trackSids, subscribe);
    return null;
  },
});
