import 'server-only';

import type { ParticipantDto } from '@/lib/contracts/dto';
import { admitSessions, findRoomLock, type StoredRoomLock } from '@/lib/db/room-locks';
import * as livekit from '@/lib/livekit/room-service';

import { enforceRoomLock } from './enforce-room-lock';

/**
 * Locks a room (through `save`) so that exactly those in it now may stay. Who is "in it now" is
 * a listing taken before the lock is stored, recorded as admitted first: from the moment the lock
 * exists, enforcement (lib/live/room-lock-enforcer.ts) removes any other session that shows up,
 * and a late webhook of someone who joined before the lock finds them admitted. Someone who joined
 * between that listing and the lock may have been seen while the room was still open, so a second
 * listing catches them. A room already locked keeps its admitted sessions.
 *
 * Answers the lock and the room's participants as the last listing saw them.
 */
export async function sealRoom(
  roomName: string,
  tenant: string | null,
  save: () => Promise<{ lock: StoredRoomLock; created: boolean }>,
): Promise<{ lock: StoredRoomLock; participants: ParticipantDto[] }> {
  const wasLocked = (await findRoomLock(roomName)) !== null;
  const before = await livekit.listParticipants(roomName);
  if (!wasLocked)
    await admitSessions(
      roomName,
      before.map((p) => p.sid),
    );
  const { lock, created } = await save();
  if (!created) return { lock, participants: before };
  const admitted = new Set(before.map((p) => p.sid));
  const after = await livekit.listParticipants(roomName);
  const newcomers = after.filter((p) => !admitted.has(p.sid));
  const outcomes = await Promise.all(
    newcomers.map((participant) =>
      enforceRoomLock({ roomName, tenant, participant, via: 'lock', lock, admitted }),
    ),
  );
  const removed = new Set(newcomers.filter((_, i) => outcomes[i] === 'removed').map((p) => p.sid));
  return { lock, participants: after.filter((p) => !removed.has(p.sid)) };
}
