import { z } from 'zod';

import { bulkReportSchema } from './bulk';

/**
 * Room locks and "Suspend activity" as moderators see them (the room and rooms pages,
 * /api/v1/rooms/{roomName}/lock), and the notice a participant removed by a lock receives.
 * Universal: the UI and the domain both import it. docs/moderation.md, "Room lock".
 */

const ms = z.number().int().describe('Epoch milliseconds');

export const roomLockSchema = z
  .object({
    roomName: z.string(),
    locked: z.boolean().describe('Whoever joins now is removed, unless exempt'),
    /** Identities that may still join while the room is locked. */
    allowList: z.array(z.string()).describe('Identities that may still join'),
    lockedBy: z.string().nullable(),
    lockedAtMs: ms.nullable(),
    suspended: z
      .boolean()
      .describe('Everyone but moderators lost their publish rights until resumed'),
    suspendedBy: z.string().nullable(),
    suspendedAtMs: ms.nullable(),
    /** Resume unlocks the room too: the suspension locked it (it was not locked before). */
    unlockOnResume: z.boolean(),
    /** Whose rights the suspension took and Resume gives back. */
    suspendedIdentities: z.array(z.string()),
  })
  .meta({ id: 'RoomLock' });
export type RoomLockDto = z.infer<typeof roomLockSchema>;

export const roomLockListSchema = z
  .object({ locks: z.array(roomLockSchema).describe('Locked or suspended rooms only') })
  .meta({ id: 'RoomLockList' });
export type RoomLockListDto = z.infer<typeof roomLockListSchema>;

export const suspensionResultSchema = z
  .object({ lock: roomLockSchema, report: bulkReportSchema })
  .meta({ id: 'SuspensionResult' });
export type SuspensionResultDto = z.infer<typeof suspensionResultSchema>;

/** The lock state of a room nobody locked. */
export function unlockedRoom(roomName: string): RoomLockDto {
  return {
    roomName,
    locked: false,
    allowList: [],
    lockedBy: null,
    lockedAtMs: null,
    suspended: false,
    suspendedBy: null,
    suspendedAtMs: null,
    unlockOnResume: false,
    suspendedIdentities: [],
  };
}

/**
 * Topic of the notice a participant receives (reliable, addressed to them only) right before a
 * locked room removes them. Documented in docs/moderation.md.
 */
export const ROOM_LOCKED_TOPIC = 'moderato.room_locked';

export interface RoomLockedNotice {
  type: 'room_locked';
  roomName: string;
  reason: string;
}

/**
 * The publish rights "Suspend activity" takes from a participant and Resume gives back: the
 * ParticipantPermission fields it changes, and only those.
 */
export const SUSPENDED_FIELDS = ['canPublish', 'canPublishSources', 'canPublishData'] as const;

/** The audit actions that change a room's lock state: live views refetch it when they see one. */
export const ROOM_LOCK_CHANGES: readonly string[] = [
  'room.locked',
  'room.unlocked',
  'room.suspended',
  'room.resumed',
];
