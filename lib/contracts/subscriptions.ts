import { z } from 'zod';

const ms = z.number().int().describe('Epoch milliseconds');

/** The last subscribe or unsubscribe of one track sent through Moderato. */
export const subscriptionChangeSchema = z
  .object({
    trackSid: z.string(),
    subscribed: z.boolean(),
    atMs: ms,
    actorName: z.string(),
  })
  .meta({ id: 'SubscriptionChange' });
export type SubscriptionChangeDto = z.infer<typeof subscriptionChangeSchema>;

/**
 * What Moderato knows of a participant's subscriptions. LiveKit reports none (ParticipantInfo and
 * TrackInfo carry no subscriptions, docs/livekit-behaviour.md §4.3), so this is the newest change
 * per track that moderators made through Moderato since the participant joined.
 */
export const participantSubscriptionsSchema = z
  .object({
    /** When the participant's current session began; older changes no longer apply. */
    joinedAtMs: ms,
    changes: z.array(subscriptionChangeSchema),
  })
  .meta({ id: 'ParticipantSubscriptions' });
export type ParticipantSubscriptionsDto = z.infer<typeof participantSubscriptionsSchema>;
