import 'server-only';

import type { ParticipantDto, ParticipantPermissionDto } from '@/lib/contracts/dto';
import type { PublishSource } from '@/lib/contracts/tracks';
import {
  deleteSuspensionTaking,
  findRoomLock,
  findSuspensionTaking,
  saveSuspensionTaking,
  type StoredSuspensionTaking,
  type SuspendedRights,
} from '@/lib/db/room-locks';
import * as livekit from '@/lib/livekit/room-service';

import { DomainError } from '../errors';
import { withParticipantLock } from '../moderation/microphone-restriction-rules';
import {
  allowedSources,
  permissionOf,
  publishRightsOf,
  withAllowedSources,
  withSources,
} from '../moderation/publish-rights';
import { exemptReason } from './lock-rules';

/**
 * What "Suspend activity" does to one participant, and what Resume undoes:
 *
 * - **suspend**: mute its unmuted microphone, camera and screen-share tracks, then take its publish
 *   rights — `canPublish` and `canPublishData` become false (LiveKit then unpublishes its tracks,
 *   docs/livekit-behaviour.md §3.8) — after recording the fields as they were. Every other
 *   permission field is sent back unchanged (LiveKit replaces the whole set).
 * - **resume**: give back exactly what was taken and nothing else. Fields nobody touched since are
 *   restored as recorded; where someone changed them meanwhile (a moderator let one person speak),
 *   the sources the participant had are added to what they have now, and data publishing comes
 *   back only if it is still off.
 *
 * Each participant is changed by one step at a time, shared with microphone restrictions
 * (`withParticipantLock`), since both rewrite the same publish rights.
 */
const SILENCED_SOURCES: readonly PublishSource[] = [
  'MICROPHONE',
  'CAMERA',
  'SCREEN_SHARE',
  'SCREEN_SHARE_AUDIO',
];

export type SuspendOutcome = 'suspended' | 'already' | 'nothing' | 'exempt';
export type ResumeOutcome = 'restored' | 'unchanged' | 'gone';

export function suspendedRightsOf(permission: ParticipantPermissionDto): SuspendedRights {
  return { ...publishRightsOf(permission), canPublishData: permission.canPublishData };
}

/** The rights with publishing and data taken away; the source list kept (it means nothing now). */
export function silenced(rights: SuspendedRights): SuspendedRights {
  return { ...withAllowedSources(rights, new Set()), canPublishData: false };
}

function sameAllowed(a: SuspendedRights, b: SuspendedRights): boolean {
  const left = allowedSources(a);
  const right = allowedSources(b);
  return left.size === right.size && [...left].every((s) => right.has(s));
}

/** What Resume sets: what was taken, merged with whatever others changed since. */
export function restoredRights(
  current: SuspendedRights,
  taking: Pick<StoredSuspensionTaking, 'previous' | 'applied'>,
): SuspendedRights {
  const publish = sameAllowed(current, taking.applied)
    ? publishRightsOf(taking.previous)
    : publishRightsOf(withSources(current, [...allowedSources(taking.previous)]));
  const canPublishData =
    current.canPublishData === taking.applied.canPublishData
      ? taking.previous.canPublishData
      : current.canPublishData;
  return { ...publish, canPublishData };
}

function sameRights(a: SuspendedRights, b: SuspendedRights): boolean {
  return (
    a.canPublish === b.canPublish &&
    a.canPublishData === b.canPublishData &&
    a.canPublishSources.length === b.canPublishSources.length &&
    a.canPublishSources.every((s) => b.canPublishSources.includes(s))
  );
}

async function freshParticipant(roomName: string, identity: string): Promise<ParticipantDto> {
  return livekit.getParticipant(roomName, identity);
}

/** Mutes every unmuted track of these sources; a track gone meanwhile is nothing to mute. */
async function muteSources(roomName: string, participant: ParticipantDto): Promise<string[]> {
  const muted: string[] = [];
  for (const track of participant.tracks) {
    if (!SILENCED_SOURCES.includes(track.source as PublishSource) || track.muted) continue;
    try {
      if (await livekit.mutePublishedTrack(roomName, participant.identity, track.sid, true)) {
        muted.push(track.sid);
      }
    } catch (err) {
      if (err instanceof DomainError && err.code === 'not_found') continue;
      throw err;
    }
  }
  return muted;
}

/**
 * Suspends one participant (`not_found` when they left). Idempotent: a session whose rights were
 * already taken is only muted again. The taking is written before LiveKit is asked, so what was
 * taken is never known only to LiveKit; when the room was resumed while this ran, the change is
 * given back at once.
 */
export async function suspendParticipant(
  roomName: string,
  identity: string,
  nowMs: number = Date.now(),
): Promise<{ outcome: SuspendOutcome; taking: StoredSuspensionTaking | null; muted: string[] }> {
  return withParticipantLock(roomName, identity, async () => {
    const participant = await freshParticipant(roomName, identity);
    if (exemptReason(participant)) return { outcome: 'exempt', taking: null, muted: [] };
    const muted = await muteSources(roomName, participant);
    const existing = await findSuspensionTaking(roomName, identity);
    if (existing?.participantSid === participant.sid) {
      return { outcome: 'already', taking: existing, muted };
    }
    const permission = permissionOf(participant);
    const previous = suspendedRightsOf(permission);
    const applied = silenced(previous);
    if (sameRights(previous, applied)) {
      // Nothing to take; a taking of an earlier session of this identity took nothing from this one.
      if (existing) await deleteSuspensionTaking(roomName, identity);
      return { outcome: 'nothing', taking: null, muted };
    }
    const taking: StoredSuspensionTaking = {
      roomName,
      identity,
      participantSid: participant.sid,
      previous,
      applied,
      takenAtMs: nowMs,
    };
    await saveSuspensionTaking(taking);
    try {
      await livekit.updateParticipant(roomName, identity, {
        permission: { ...permission, ...applied },
      });
    } catch (err) {
      if (err instanceof DomainError && err.code === 'not_found') {
        await deleteSuspensionTaking(roomName, identity);
      }
      throw err;
    }
    const lock = await findRoomLock(roomName);
    if (lock?.suspendedAtMs == null) {
      // Resumed while we acted: undo our own change.
      await resumeLocked(roomName, identity, taking);
      return { outcome: 'nothing', taking: null, muted };
    }
    return { outcome: 'suspended', taking, muted };
  });
}

/** Gives one identity back what the suspension took, then forgets the taking. */
export async function resumeParticipant(
  roomName: string,
  taking: StoredSuspensionTaking,
): Promise<{ outcome: ResumeOutcome; restored: SuspendedRights | null }> {
  return withParticipantLock(roomName, taking.identity, () =>
    resumeLocked(roomName, taking.identity, taking),
  );
}

async function resumeLocked(
  roomName: string,
  identity: string,
  taking: StoredSuspensionTaking,
): Promise<{ outcome: ResumeOutcome; restored: SuspendedRights | null }> {
  let participant: ParticipantDto;
  try {
    participant = await freshParticipant(roomName, identity);
  } catch (err) {
    if (!(err instanceof DomainError && err.code === 'not_found')) throw err;
    await deleteSuspensionTaking(roomName, identity);
    return { outcome: 'gone', restored: null };
  }
  // A taking from another session of this identity took nothing from this one.
  if (participant.sid !== taking.participantSid) {
    await deleteSuspensionTaking(roomName, identity);
    return { outcome: 'unchanged', restored: null };
  }
  const permission = permissionOf(participant);
  const current = suspendedRightsOf(permission);
  const next = restoredRights(current, taking);
  const changed = !sameRights(next, current);
  if (changed) {
    try {
      await livekit.updateParticipant(roomName, identity, {
        permission: { ...permission, ...next },
      });
    } catch (err) {
      if (!(err instanceof DomainError && err.code === 'not_found')) throw err;
      await deleteSuspensionTaking(roomName, identity);
      return { outcome: 'gone', restored: null };
    }
  }
  await deleteSuspensionTaking(roomName, identity);
  return { outcome: changed ? 'restored' : 'unchanged', restored: changed ? next : null };
}
