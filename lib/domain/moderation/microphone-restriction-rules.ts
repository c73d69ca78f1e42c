import 'server-only';

import type { ParticipantDto } from '@/lib/contracts/dto';
import {
  deleteMicTaking,
  findMicRestriction,
  findMicTaking,
  adoptMicTaking,
  saveMicTaking,
  type StoredMicRestriction,
  type StoredMicTaking,
} from '@/lib/db/microphone-restrictions';
import { findSuspensionTaking, saveSuspensionTaking } from '@/lib/db/room-locks';
import * as livekit from '@/lib/livekit/room-service';

import { DomainError } from '../errors';
import { muteMicrophones } from './mute-microphones';
import {
  allowedSources,
  permissionOf,
  publishRightsOf,
  sameRights,
  withSources,
  withoutSources,
} from './publish-rights';

/**
 * What microphone restrictions do to one participant, shared by the operations that turn them on
 * and off and by live enforcement (lib/live/microphone-restriction-enforcer.ts):
 *
 * - **restrict**: mute its unmuted microphone tracks, then take MICROPHONE out of its publish
 *   rights (LiveKit then unpublishes those tracks, §3.8), after recording what it had. Every other
 *   permission field is sent back as it was (LiveKit replaces the whole set).
 * - **give back**: restore exactly what was taken — the recorded rights when nothing else changed
 *   them since, else MICROPHONE added to whatever they are now — and nothing else.
 *
 * People are restricted; agents, recorders, egress and ingress are not (they are not the ones who
 * "unmute", and muting an agent's voice would break it).
 */
export type RestrictOutcome = 'exempt' | 'unrestricted' | 'restricted' | 'already' | 'gone';

const PERSON_KINDS: ReadonlySet<ParticipantDto['kind']> = new Set(['STANDARD', 'SIP']);

export function isRestrictable(participant: ParticipantDto): boolean {
  const permission = permissionOf(participant);
  return PERSON_KINDS.has(participant.kind) && !permission.agent && !permission.recorder;
}

export function isUnrestricted(restriction: StoredMicRestriction, identity: string): boolean {
  return restriction.unrestricted.includes(identity);
}

// One change at a time per participant in this process: a join and its first publish arrive
// together, and the operations and enforcement must not interleave their read-modify-writes.
const holder = globalThis as typeof globalThis & {
  __moderatoMicLocks?: Map<string, Promise<void>>;
};
const locks = (holder.__moderatoMicLocks ??= new Map<string, Promise<void>>());

export async function withParticipantLock<T>(
  roomName: string,
  identity: string,
  fn: () => Promise<T>,
): Promise<T> {
  const key = `${roomName}\n${identity}`;
  const before = locks.get(key) ?? Promise.resolve();
  let release!: () => void;
  const mine = new Promise<void>((resolve) => (release = resolve));
  const chained = before.then(() => mine);
  locks.set(key, chained);
  await before;
  try {
    return await fn();
  } finally {
    release();
    if (locks.get(key) === chained) locks.delete(key);
  }
}

async function freshParticipant(
  roomName: string,
  identity: string,
): Promise<ParticipantDto | null> {
  try {
    return await livekit.getParticipant(roomName, identity);
  } catch (err) {
    if (err instanceof DomainError && err.code === 'not_found') return null;
    throw err;
  }
}

/**
 * Restricts one participant (read fresh from LiveKit unless the caller just listed it). Idempotent:
 * a participant without MICROPHONE is left alone, so several instances or a repeated event do no
 * harm. The restriction is read again once LiveKit was changed: when it was turned off meanwhile
 * (or this identity allowed), the change is given back at once.
 */
export async function restrictParticipant(
  roomName: string,
  identity: string,
  restriction: StoredMicRestriction,
  options: { listed?: ParticipantDto; nowMs?: number } = {},
): Promise<RestrictOutcome> {
  if (isUnrestricted(restriction, identity)) return 'unrestricted';
  return withParticipantLock(roomName, identity, async () => {
    const participant = options.listed ?? (await freshParticipant(roomName, identity));
    if (!participant) return 'gone';
    if (!isRestrictable(participant)) return 'exempt';
    const permission = permissionOf(participant);
    await muteMicrophones(roomName, participant);
    if (!allowedSources(permission).has('MICROPHONE')) {
      await settleExistingTaking(roomName, participant);
      return 'already';
    }
    const next = withoutSources(permission, ['MICROPHONE']);
    // Written before LiveKit is asked: what was taken must never be known only to LiveKit.
    const taking: StoredMicTaking = {
      roomName,
      identity,
      participantSid: participant.sid,
      previous: publishRightsOf(permission),
      applied: publishRightsOf(next),
      takenAtMs: options.nowMs ?? Date.now(),
    };
    await saveMicTaking(taking);
    try {
      await livekit.updateParticipant(roomName, identity, { permission: next });
    } catch (err) {
      if (err instanceof DomainError && err.code === 'not_found') {
        await deleteMicTaking(roomName, identity);
        return 'gone';
      }
      throw err;
    }
    const current = await findMicRestriction(roomName);
    if (!current || isUnrestricted(current, identity)) {
      // Turned off (or this identity allowed) while we acted: undo our own change.
      await giveBackLocked(roomName, identity, taking);
      return 'unrestricted';
    }
    return 'restricted';
  });
}

/**
 * A participant already without MICROPHONE: a taking recorded for its join token now belongs to
 * it; one left from an earlier session of the same identity took nothing from this one.
 */
async function settleExistingTaking(roomName: string, participant: ParticipantDto): Promise<void> {
  const taking = await findMicTaking(roomName, participant.identity);
  if (!taking || taking.participantSid === participant.sid) return;
  if (taking.participantSid === null) {
    await adoptMicTaking(roomName, participant.identity, participant.sid);
  } else {
    await deleteMicTaking(roomName, participant.identity);
  }
}

export type GiveBackOutcome = 'restored' | 'unchanged' | 'gone';

/** Gives one identity back what the restrictions took, then forgets the taking. */
export async function giveBack(
  roomName: string,
  taking: StoredMicTaking,
): Promise<GiveBackOutcome> {
  return withParticipantLock(roomName, taking.identity, () =>
    giveBackLocked(roomName, taking.identity, taking),
  );
}

async function giveBackLocked(
  roomName: string,
  identity: string,
  taking: StoredMicTaking,
): Promise<GiveBackOutcome> {
  const participant = await freshParticipant(roomName, identity);
  if (!participant) {
    await deleteMicTaking(roomName, identity);
    return 'gone';
  }
  // A taking from another session of this identity took nothing from this one.
  if (taking.participantSid !== null && taking.participantSid !== participant.sid) {
    await deleteMicTaking(roomName, identity);
    return 'unchanged';
  }
  const permission = permissionOf(participant);
  const current = publishRightsOf(permission);
  let next = permission;
  if (sameRights(current, taking.applied)) {
    next = { ...permission, ...taking.previous };
  } else if (permission.canPublish) {
    // Changed since (say, screen sharing revoked): add back only the microphone.
    next = withSources(permission, ['MICROPHONE']);
  }
  // else publishing was revoked entirely since: giving the microphone back would undo that —
  // unless a suspension revoked it, which Resume undoes: Resume must then give it back too.
  else await giveBackThroughSuspension(roomName, participant.sid, identity);
  const changed = !sameRights(publishRightsOf(next), current);
  if (changed) {
    try {
      await livekit.updateParticipant(roomName, identity, { permission: next });
    } catch (err) {
      if (!(err instanceof DomainError && err.code === 'not_found')) throw err;
      await deleteMicTaking(roomName, identity);
      return 'gone';
    }
  }
  await deleteMicTaking(roomName, identity);
  return changed ? 'restored' : 'unchanged';
}

/**
 * Lifting restrictions during a suspension (room lock, "Suspend activity"): the participant can
 * publish nothing now, and what Resume restores was recorded while the microphone was taken. So
 * the microphone joins what Resume restores instead (the caller holds the participant's lock,
 * which suspension and resume take too).
 */
async function giveBackThroughSuspension(
  roomName: string,
  participantSid: string,
  identity: string,
): Promise<void> {
  const suspended = await findSuspensionTaking(roomName, identity);
  if (!suspended || suspended.participantSid !== participantSid) return;
  const previous = withSources(suspended.previous, ['MICROPHONE']);
  await saveSuspensionTaking({ ...suspended, previous: { ...previous } });
}
