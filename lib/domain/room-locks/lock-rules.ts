import 'server-only';

import { protectedReason } from '@/lib/contracts/bulk';
import type { ParticipantDto } from '@/lib/contracts/dto';
import type { RoomLockDto } from '@/lib/contracts/room-locks';
import { unlockedRoom } from '@/lib/contracts/room-locks';
import {
  findRoomLock,
  listSuspensionTakings,
  type StoredRoomLock,
  type StoredSuspensionTaking,
} from '@/lib/db/room-locks';

import type { Actor } from '../actor';
import { canSeeRoom } from '../policy';

/**
 * Who a lock never removes and a suspension never silences (docs/moderation.md, "Room lock"):
 *
 * - **moderators**: hidden participants and those whose `role` attribute is `moderator` (the rule
 *   bulk actions use, `protectedReason` in lib/contracts/bulk.ts: LiveKit reports no moderator
 *   flag of its own), and Moderato's own users, who join as `moderato:<user id>` with the tokens
 *   `createAccessToken` issues (only to holders of `rooms.join`) — a moderator must be able to
 *   enter a locked room to deal with the incident;
 * - **the room's machinery**: agents, egress and recorders. An agent dispatched or a recording
 *   started during an incident is the room's operator's doing, not an intruder, and removing an
 *   egress would cut the recording that documents the incident.
 *
 * SIP callers and ingress streams are people and their media: a lock removes them like anyone.
 */
export const MODERATO_IDENTITY_PREFIX = 'moderato:';

export function exemptReason(participant: ParticipantDto): string | null {
  const reason = protectedReason(participant);
  if (reason) return reason;
  if (participant.identity.startsWith(MODERATO_IDENTITY_PREFIX)) return 'moderator';
  return null;
}

/** Why a locked room lets this participant stay, or null when it removes them. */
export function lockExemption(
  participant: ParticipantDto,
  lock: Pick<StoredRoomLock, 'allowList'>,
): string | null {
  if (lock.allowList.includes(participant.identity)) return 'allow-listed';
  return exemptReason(participant);
}

/** Whether the actor may see a lock: the room's tenant (when locked) and its room list. */
export function canSeeLock(actor: Actor, lock: Pick<StoredRoomLock, 'roomName' | 'tenant'>) {
  return canSeeRoom(actor, { name: lock.roomName, tenant: lock.tenant });
}

export function toRoomLockDto(
  roomName: string,
  lock: StoredRoomLock | null,
  takings: readonly StoredSuspensionTaking[],
): RoomLockDto {
  const base = lock
    ? {
        roomName,
        locked: true,
        allowList: lock.allowList,
        lockedBy: lock.lockedBy,
        lockedAtMs: lock.lockedAtMs,
        suspended: lock.suspendedAtMs !== null,
        suspendedBy: lock.suspendedBy,
        suspendedAtMs: lock.suspendedAtMs,
        unlockOnResume: lock.unlockOnResume,
        suspendedIdentities: [],
      }
    : unlockedRoom(roomName);
  return { ...base, suspendedIdentities: takings.map((t) => t.identity) };
}

/** A room's lock state as the UI and /api/v1 show it, from the store. */
export async function describeRoomLock(roomName: string): Promise<RoomLockDto> {
  const [lock, takings] = await Promise.all([
    findRoomLock(roomName),
    listSuspensionTakings(roomName),
  ]);
  return toRoomLockDto(roomName, lock, takings);
}
