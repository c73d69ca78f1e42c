import { z } from 'zod';

import { LEAVE_REASONS, type LiveEventType } from './live-events';

/**
 * Session history and the room activity timeline as the doors return them (issue 10, items 5 and
 * 6). Built from live events and kept in the store for MODERATO_HISTORY_RETENTION_DAYS; LiveKit
 * itself keeps no history of ended rooms (ListRooms shows live rooms only).
 */

const ms = z.number().int().describe('Epoch milliseconds');

export const roomSessionSchema = z
  .object({
    /** LiveKit's room sid (`RM_…`): one per session, a room name can have many. */
    roomSid: z.string(),
    roomName: z.string(),
    tenant: z.string().nullable(),
    startedAtMs: ms,
    /** Null while the session is live. */
    endedAtMs: ms.nullable(),
    /** Until the end, or until now for a live session. */
    durationMs: z.number().int(),
    live: z.boolean(),
    /** The most participants in the room at once. */
    peakParticipants: z.number().int(),
    /** Participant sessions: a participant who left and came back counts twice. */
    totalParticipants: z.number().int(),
  })
  .meta({ id: 'RoomSession' });
export type RoomSessionDto = z.infer<typeof roomSessionSchema>;

export const roomSessionPageSchema = z
  .object({ sessions: z.array(roomSessionSchema), nextCursor: z.string().nullable() })
  .meta({ id: 'RoomSessionPage' });
export type RoomSessionPageDto = z.infer<typeof roomSessionPageSchema>;

export const participantSessionSchema = z
  .object({
    participantSid: z.string(),
    identity: z.string(),
    name: z.string(),
    kind: z.string(),
    joinedAtMs: ms,
    /** Null while the participant is in the room. */
    leftAtMs: ms.nullable(),
    durationMs: z.number().int(),
    /**
     * LiveKit's DisconnectReason; null when the participant is still in, or when no leave was
     * reported and the session was closed because the room ended.
     */
    leaveReason: z.enum(LEAVE_REASONS).nullable(),
  })
  .meta({ id: 'ParticipantSession' });
export type ParticipantSessionDto = z.infer<typeof participantSessionSchema>;

export const roomSessionDetailSchema = z
  .object({ session: roomSessionSchema, participants: z.array(participantSessionSchema) })
  .meta({ id: 'RoomSessionDetail' });
export type RoomSessionDetailDto = z.infer<typeof roomSessionDetailSchema>;

/** Every live event type; the timeline stores each under the event's id. */
export const ROOM_EVENT_TYPES = [
  'room.started',
  'room.updated',
  'room.finished',
  'participant.joined',
  'participant.updated',
  'participant.left',
  'track.published',
  'track.unpublished',
  'track.muted',
  'track.unmuted',
  'moderation.action',
] as const satisfies readonly LiveEventType[];
export type RoomEventType = (typeof ROOM_EVENT_TYPES)[number];

/** The timeline's filter groups, with the event types each shows. */
export const TIMELINE_KINDS = {
  presence: { label: 'Joins and leaves', types: ['participant.joined', 'participant.left'] },
  tracks: { label: 'Publishing', types: ['track.published', 'track.unpublished'] },
  mutes: { label: 'Mutes', types: ['track.muted', 'track.unmuted'] },
  changes: { label: 'Changes', types: ['participant.updated', 'room.updated'] },
  moderation: { label: 'Moderator actions', types: ['moderation.action'] },
  room: { label: 'Room', types: ['room.started', 'room.finished'] },
} as const satisfies Record<string, { label: string; types: readonly RoomEventType[] }>;
export type TimelineKind = keyof typeof TIMELINE_KINDS;
export const TIMELINE_KIND_NAMES = Object.keys(TIMELINE_KINDS) as TimelineKind[];

export const roomEventSchema = z
  .object({
    /** The live event's id (also its SSE id). */
    id: z.string(),
    roomSid: z.string().nullable(),
    roomName: z.string(),
    atMs: ms,
    type: z.enum(ROOM_EVENT_TYPES),
    identity: z.string().nullable(),
    trackSid: z.string().nullable(),
    /**
     * What the timeline says about it, by type: `name`, `kind` (joined); `reason` (left);
     * `changed` and the changed values (updated); `source`, `trackType`, `trackName` (tracks);
     * `action`, `actorName`, `outcome`, `errorCode` (moderation); `metadata` (room.updated).
     */
    detail: z.record(z.string(), z.unknown()).nullable(),
  })
  .meta({ id: 'RoomEvent' });
export type RoomEventDto = z.infer<typeof roomEventSchema>;

export const roomEventPageSchema = z
  .object({ events: z.array(roomEventSchema), nextCursor: z.string().nullable() })
  .meta({ id: 'RoomEventPage' });
export type RoomEventPageDto = z.infer<typeof roomEventPageSchema>;
