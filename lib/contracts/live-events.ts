import { z } from 'zod';

import { participantSchema, roomSchema, trackSchema } from './dto';

/**
 * The one event model of live Moderato. Webhooks, reconciliation and moderator actions all become
 * these events; the bus carries them between instances, the SSE stream carries them to browsers
 * (which patch their query caches from them), and session history is written from them.
 *
 * Every event names its room and the room's tenant at the time of the event, so a stream can be
 * filtered by tenant without asking LiveKit (docs/livekit-behaviour.md §10). Events that change a
 * row carry the row's full new state (a snapshot, never a delta), so applying one is idempotent
 * and a browser never has to merge.
 */

/** Where an event was learnt. `reconcile` events are ones webhooks missed or never send. */
export const LIVE_EVENT_ORIGINS = ['webhook', 'reconcile', 'action'] as const;
export type LiveEventOrigin = (typeof LIVE_EVENT_ORIGINS)[number];

/** Why a participant left, in words a moderator understands; LiveKit's DisconnectReason names. */
export const LEAVE_REASONS = [
  'CLIENT_INITIATED',
  'DUPLICATE_IDENTITY',
  'SERVER_SHUTDOWN',
  'PARTICIPANT_REMOVED',
  'ROOM_DELETED',
  'STATE_MISMATCH',
  'JOIN_FAILURE',
  'MIGRATION',
  'SIGNAL_CLOSE',
  'ROOM_CLOSED',
  'USER_UNAVAILABLE',
  'USER_REJECTED',
  'SIP_TRUNK_FAILURE',
  'CONNECTION_TIMEOUT',
  'MEDIA_FAILURE',
  'UNKNOWN_REASON',
] as const;
export type LeaveReason = (typeof LEAVE_REASONS)[number];

const base = {
  /** Unique per event; the SSE `id:` and the `Last-Event-ID` a browser resumes from. */
  id: z.string(),
  /** When the change happened (the webhook's `createdAt`, or when reconciliation saw it). */
  atMs: z.number().int(),
  origin: z.enum(LIVE_EVENT_ORIGINS),
  roomName: z.string(),
  /** The room's `auth_id` when the event happened; null = no tenant. */
  tenant: z.string().nullable(),
};

export const liveEventSchema = z.discriminatedUnion('type', [
  z.object({ ...base, type: z.literal('room.started'), room: roomSchema }),
  /** Metadata, counts, recording state or timeouts changed. */
  z.object({ ...base, type: z.literal('room.updated'), room: roomSchema }),
  z.object({ ...base, type: z.literal('room.finished'), roomSid: z.string() }),
  z.object({ ...base, type: z.literal('participant.joined'), participant: participantSchema }),
  /** Name, metadata, attributes, permission, state or tracks changed: the whole new row. */
  z.object({
    ...base,
    type: z.literal('participant.updated'),
    participant: participantSchema,
    /** Which fields changed, for the timeline: name, metadata, attributes, permission, state. */
    changed: z.array(z.string()),
  }),
  z.object({
    ...base,
    type: z.literal('participant.left'),
    identity: z.string(),
    participantSid: z.string(),
    reason: z.enum(LEAVE_REASONS),
  }),
  ...(['track.published', 'track.unpublished', 'track.muted', 'track.unmuted'] as const).map(
    (type) =>
      z.object({
        ...base,
        type: z.literal(type),
        identity: z.string(),
        participantSid: z.string(),
        track: trackSchema,
      }),
  ),
  /** A moderator's action, from the audit path (successful or not). */
  z.object({
    ...base,
    type: z.literal('moderation.action'),
    action: z.string(),
    actorName: z.string(),
    identity: z.string().nullable(),
    trackSid: z.string().nullable(),
    outcome: z.string(),
    errorCode: z.string().nullable(),
  }),
  /** A bulk action's progress (at most every 100 ms, and when it finishes). */
  z.object({
    ...base,
    type: z.literal('bulk.progress'),
    runId: z.string(),
    action: z.string(),
    actorName: z.string(),
    state: z.enum(['running', 'finished']),
    total: z.number().int(),
    done: z.number().int(),
    failed: z.number().int(),
    cancelled: z.number().int(),
  }),
  /** Someone asked to cancel a bulk run; the instance running it stops it. */
  z.object({ ...base, type: z.literal('bulk.cancel_requested'), runId: z.string() }),
]);

export type LiveEvent = z.infer<typeof liveEventSchema>;
export type LiveEventType = LiveEvent['type'];
export type LiveEventOf<T extends LiveEventType> = Extract<LiveEvent, { type: T }>;

/** An event before the bus has given it an id. */
export type NewLiveEvent = LiveEvent extends infer E
  ? E extends LiveEvent
    ? Omit<E, 'id'>
    : never
  : never;

/** Control messages on the SSE stream besides events (`event:` field names). */
export const STREAM_CONTROL = {
  /** The stream cannot resume from the given Last-Event-ID: refetch everything. */
  reset: 'reset',
  /** Sent first on every connection: the server's reconciliation interval and instance. */
  hello: 'hello',
  /**
   * The stream's `?watch=` room is now listed into the server's known state, so every later join
   * and leave of it is reported: refetch what is shown of it, which may predate that listing.
   */
  watching: 'watching',
} as const;
