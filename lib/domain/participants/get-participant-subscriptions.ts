import 'server-only';

import {
  participantSubscriptionsSchema,
  type SubscriptionChangeDto,
} from '@/lib/contracts/subscriptions';
import { MAX_AUDIT_PAGE, queryAuditEvents } from '@/lib/db/audit';
import * as livekit from '@/lib/livekit/room-service';
import { participantRefInputSchema } from '@/lib/schemas/rooms';

import { defineOperation } from '../operation';
import { SUBSCRIPTIONS_UPDATED } from './update-subscriptions';

/**
 * What a participant is known to be subscribed to. LiveKit does not say (docs/livekit-behaviour.md
 * §4.3), so the answer is the audit trail of the changes sent through Moderato during the
 * participant's current session: the newest per track. The subscriptions dialog starts from it.
 */
export const getParticipantSubscriptions = defineOperation({
  name: 'getParticipantSubscriptions',
  summary: 'Subscription changes made through Moderato',
  description:
    'LiveKit does not report what a participant is subscribed to. This answers the newest subscribe or unsubscribe per track that moderators sent through Moderato since the participant joined.',
  tag: 'Participants',
  input: participantRefInputSchema,
  output: participantSubscriptionsSchema,
  permission: 'participants.subscriptions',
  http: { method: 'GET', path: '/rooms/{roomName}/participants/{identity}/subscriptions' },
  audit: { action: 'participant.subscriptions_read' },
  rooms: ({ roomName }) => [roomName],
  errors: ['not_found'],
  async act(_context, { roomName, identity }) {
    const { joinedAtMs } = await livekit.getParticipant(roomName, identity);
    const { events } = await queryAuditEvents({
      action: SUBSCRIPTIONS_UPDATED,
      roomName,
      identity,
      outcome: 'success',
      fromMs: joinedAtMs,
      limit: MAX_AUDIT_PAGE,
    });
    const changes = new Map<string, SubscriptionChangeDto>();
    // Newest first: the first row that names a track is its current state.
    for (const event of events) {
      const { trackSids, subscribe } = event.params ?? {};
      if (!Array.isArray(trackSids) || typeof subscribe !== 'boolean') continue;
      for (const trackSid of trackSids) {
        if (typeof trackSid !== 'string' || changes.has(trackSid)) continue;
        changes.set(trackSid, {
          trackSid,
          subscribed: subscribe,
          atMs: event.atMs,
          actorName: event.actorName,
        });
      }
    }
    return { joinedAtMs, changes: [...changes.values()] };
  },
});
