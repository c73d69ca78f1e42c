import 'server-only';

import type { ParticipantDto, RoomDto, TrackDto } from '@/lib/contracts/dto';
import type {
  LeaveReason,
  LiveEvent,
  LiveEventOrigin,
  NewLiveEvent,
} from '@/lib/contracts/live-events';

import type { KnownRoom } from './known-state';

/**
 * What changed between the known state and LiveKit's answer, as events. Pure functions: they never
 * publish, so tests can check every case without a bus, and the caller decides the origin.
 */
export interface DiffContext {
  atMs: number;
  origin: LiveEventOrigin;
}

/** Room fields whose change is news (a new `room.updated`); the sid and creation time never change. */
const ROOM_FIELDS = [
  'metadata',
  'numParticipants',
  'numPublishers',
  'activeRecording',
  'emptyTimeout',
  'departureTimeout',
  'maxParticipants',
  'tenant',
] as const satisfies readonly (keyof RoomDto)[];

/** Participant fields reported in `participant.updated`'s `changed`, in this order. */
export const PARTICIPANT_FIELDS = [
  'name',
  'metadata',
  'attributes',
  'permission',
  'state',
  'tracks',
] as const;

/** The events that bring a known room (or none) to the listed one. */
export function diffRoom(
  known: KnownRoom | undefined,
  listed: RoomDto,
  knownParticipants: ParticipantDto[] | undefined,
  ctx: DiffContext,
): NewLiveEvent[] {
  const base = { atMs: ctx.atMs, origin: ctx.origin, roomName: listed.name, tenant: listed.tenant };
  if (!known) return [{ ...base, type: 'room.started', room: listed }];
  if (known.sid !== listed.sid) {
    // The room closed and a new session of the same name started between two looks.
    return [
      ...roomGone(known, knownParticipants, 'UNKNOWN_REASON', ctx),
      { ...base, type: 'room.started', room: listed },
    ];
  }
  const changed = ROOM_FIELDS.some((field) => !sameValue(known.room[field], listed[field]));
  return changed ? [{ ...base, type: 'room.updated', room: listed }] : [];
}

/**
 * A room that is no longer there: its known participants leave (webhooks send `participant_left`
 * before `room_finished`, and history closes each participant session), then it finishes.
 */
export function roomGone(
  known: KnownRoom,
  knownParticipants: ParticipantDto[] | undefined,
  reason: LeaveReason,
  ctx: DiffContext,
): NewLiveEvent[] {
  const base = { atMs: ctx.atMs, origin: ctx.origin, roomName: known.room.name };
  return [
    ...(knownParticipants ?? []).map((p): NewLiveEvent => ({
      ...base,
      tenant: known.tenant,
      type: 'participant.left',
      identity: p.identity,
      participantSid: p.sid,
      reason,
    })),
    { ...base, tenant: known.tenant, type: 'room.finished', roomSid: known.sid },
  ];
}

/**
 * The events that bring a room's known participants to the listed ones. A participant first seen
 * here is `participant.joined` with its tracks in the row (no separate `track.published`); one no
 * longer listed is `participant.left` with UNKNOWN_REASON (only webhooks know why). A track change
 * is a track event; anything else, or a track change the track events do not cover (dimensions,
 * layers), is `participant.updated` with the whole listed row.
 */
export function diffParticipants(
  roomName: string,
  tenant: string | null,
  known: readonly ParticipantDto[],
  listed: readonly ParticipantDto[],
  ctx: DiffContext,
): NewLiveEvent[] {
  const base = { atMs: ctx.atMs, origin: ctx.origin, roomName, tenant };
  const byIdentity = new Map(known.map((p) => [p.identity, p]));
  const listedIdentities = new Set(listed.map((p) => p.identity));
  const events: NewLiveEvent[] = [];
  const left = (p: ParticipantDto): NewLiveEvent => ({
    ...base,
    type: 'participant.left',
    identity: p.identity,
    participantSid: p.sid,
    reason: 'UNKNOWN_REASON',
  });

  for (const p of known) if (!listedIdentities.has(p.identity)) events.push(left(p));
  for (const p of listed) {
    let before = byIdentity.get(p.identity);
    if (before && before.sid !== p.sid) {
      // The same identity joined again: the earlier session is over (LiveKit: a new sid).
      events.push(left(before));
      before = undefined;
    }
    if (!before) {
      events.push({ ...base, type: 'participant.joined', participant: p });
      continue;
    }
    const trackEvents = diffTracks(before, p, base);
    events.push(...trackEvents);
    const changed = participantChanges(withTrackEvents(before, trackEvents), p);
    if (changed.length > 0) {
      events.push({ ...base, type: 'participant.updated', participant: p, changed });
    }
  }
  return events;
}

/** Which of PARTICIPANT_FIELDS differ. */
export function participantChanges(before: ParticipantDto, after: ParticipantDto): string[] {
  return PARTICIPANT_FIELDS.filter((field) =>
    field === 'tracks'
      ? !sameValue(bySid(before.tracks), bySid(after.tracks))
      : !sameValue(before[field], after[field]),
  );
}

function diffTracks(
  before: ParticipantDto,
  after: ParticipantDto,
  base: Pick<NewLiveEvent, 'atMs' | 'origin' | 'roomName' | 'tenant'>,
): NewLiveEvent[] {
  const known = new Map(before.tracks.map((t) => [t.sid, t]));
  const listed = new Set(after.tracks.map((t) => t.sid));
  const who = { ...base, identity: after.identity, participantSid: after.sid };
  const events: NewLiveEvent[] = [];
  for (const track of before.tracks) {
    if (!listed.has(track.sid)) events.push({ ...who, type: 'track.unpublished', track });
  }
  for (const track of after.tracks) {
    const was = known.get(track.sid);
    if (!was) events.push({ ...who, type: 'track.published', track });
    else if (was.muted !== track.muted) {
      events.push({ ...who, type: track.muted ? 'track.muted' : 'track.unmuted', track });
    }
  }
  return events;
}

/** The participant as it will be once its track events are applied (as known state applies them). */
function withTrackEvents(p: ParticipantDto, events: NewLiveEvent[]): ParticipantDto {
  let tracks = p.tracks;
  for (const event of events) {
    if (event.type === 'track.unpublished') {
      tracks = tracks.filter((t) => t.sid !== event.track.sid);
    } else if (
      event.type === 'track.published' ||
      event.type === 'track.muted' ||
      event.type === 'track.unmuted'
    ) {
      tracks = [...tracks.filter((t) => t.sid !== event.track.sid), event.track];
    }
  }
  return { ...p, tracks };
}

/**
 * The key of an event a webhook would have delivered (room_started/finished, participant_joined/
 * left, track_published/unpublished), or null for news only reconciliation brings. LiveKit sends
 * `participant_joined` when the participant turns ACTIVE, so a participant still JOINING is not
 * yet a missed webhook.
 */
export function webhookKey(event: NewLiveEvent | LiveEvent): string | null {
  switch (event.type) {
    case 'room.started':
      return `room:${event.room.sid}:started`;
    case 'room.finished':
      return `room:${event.roomSid}:finished`;
    case 'participant.joined':
      return event.participant.state === 'ACTIVE'
        ? `participant:${event.participant.sid}:joined`
        : null;
    case 'participant.updated':
      return event.changed.includes('state') && event.participant.state === 'ACTIVE'
        ? `participant:${event.participant.sid}:joined`
        : null;
    case 'participant.left':
      return `participant:${event.participantSid}:left`;
    case 'track.published':
      return `track:${event.track.sid}:published`;
    case 'track.unpublished':
      return `track:${event.track.sid}:unpublished`;
    default:
      return null;
  }
}

function bySid(tracks: readonly TrackDto[]): TrackDto[] {
  return [...tracks].sort((a, b) => (a.sid < b.sid ? -1 : a.sid > b.sid ? 1 : 0));
}

/** Deep equality of JSON values; object key order does not matter (attributes, permission). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((v, i) => sameValue(v, b[i]));
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  const rb = b as Record<string, unknown>;
  const ra = a as Record<string, unknown>;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(rb, k) && sameValue(ra[k], rb[k]));
}
