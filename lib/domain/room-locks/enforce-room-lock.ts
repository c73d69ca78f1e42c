import 'server-only';

import type { ParticipantDto } from '@/lib/contracts/dto';
import {
  deleteRoomLock,
  deleteSuspensionTakings,
  findRoomLock,
  isAdmitted,
  type StoredRoomLock,
} from '@/lib/db/room-locks';

import { auditEnforcement, systemActor } from '../system-enforcement';
import { lockExemption } from './lock-rules';
import { removeLockedOut } from './lock-removal';

/** The audit action of a removal enforcing a room lock. */
export const LOCK_ENFORCED_ACTION = 'participant.lock_enforced';

export type LockOutcome = 'unlocked' | 'exempt' | 'admitted' | 'removed' | 'gone';

/**
 * Applies a room's lock to one participant seen in it: someone not admitted when the room was
 * locked (lib/db/room-locks.ts), neither allow-listed nor exempt (lock-rules.ts), is told why and
 * removed — one audit row by the system actor, naming how the join was seen (`via`). `lock` saves
 * the store read when the caller has just read it (the leader's sweep).
 */
export async function enforceRoomLock(target: {
  roomName: string;
  tenant: string | null;
  participant: ParticipantDto;
  via: string;
  lock?: StoredRoomLock;
  admitted?: ReadonlySet<string>;
}): Promise<LockOutcome> {
  const { roomName, participant } = target;
  const lock = target.lock ?? (await findRoomLock(roomName));
  if (!lock) return 'unlocked';
  if (lockExemption(participant, lock)) return 'exempt';
  const admitted = target.admitted
    ? target.admitted.has(participant.sid)
    : await isAdmitted(roomName, participant.sid);
  if (admitted) return 'admitted';
  // `lock` may have been read before an unlock (or a resume) that deleted it together with its
  // admitted sessions, so "not admitted" read since means nothing: only the same lock, still
  // standing after the admitted sessions were read, removes anyone.
  const standing = await findRoomLock(roomName);
  if (!standing || standing.lockedAtMs !== lock.lockedAtMs) return 'unlocked';
  const attempt = {
    actor: systemActor('room-lock', 'Room lock', target.tenant),
    action: LOCK_ENFORCED_ACTION,
    target: { roomName, identity: participant.identity },
    params: { participantSid: participant.sid, via: target.via, lockedBy: lock.lockedBy },
  };
  const removed = await auditEnforcement(attempt, () =>
    removeLockedOut(roomName, participant.identity),
  );
  return removed ? 'removed' : 'gone';
}

/**
 * A room that ended takes its lock and suspension with it: a later room of the same name is a new
 * meeting (as in Zoom, a lock belongs to one meeting), and its sessions were never admitted.
 * Answers whether there was a lock.
 */
export async function forgetRoomLock(roomName: string): Promise<boolean> {
  await deleteSuspensionTakings(roomName);
  return deleteRoomLock(roomName);
}
