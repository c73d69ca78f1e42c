import { answerAction } from '@/lib/contracts/consent';
import type { RoomEventDto } from '@/lib/contracts/history';
import type { LeaveReason } from '@/lib/contracts/live-events';
import { TRACK_SOURCE_INFO, type TrackSource } from '@/lib/contracts/tracks';

/** Why someone left, as a moderator would say it; '' = they left on their own. */
export const LEAVE_REASON_WORDS: Record<LeaveReason, string> = {
  CLIENT_INITIATED: '',
  PARTICIPANT_REMOVED: 'removed by a moderator',
  ROOM_DELETED: 'the room was closed by a moderator',
  ROOM_CLOSED: 'the room closed',
  DUPLICATE_IDENTITY: 'joined again from another device',
  SERVER_SHUTDOWN: 'the LiveKit server shut down',
  STATE_MISMATCH: 'out of sync with the server',
  JOIN_FAILURE: 'could not connect',
  MIGRATION: 'moved to another server',
  SIGNAL_CLOSE: 'connection lost',
  CONNECTION_TIMEOUT: 'connection timed out',
  MEDIA_FAILURE: 'media connection failed',
  USER_UNAVAILABLE: 'the call was not answered',
  USER_REJECTED: 'the call was rejected',
  SIP_TRUNK_FAILURE: 'the phone line failed',
  UNKNOWN_REASON: 'reason unknown',
};

/** A participant session's leave, for tables: null reason with a leave = closed with the room. */
export function leaveWords(reason: LeaveReason | null, left: boolean): string {
  if (!left) return 'Still in the room';
  if (reason === null) return 'Room ended';
  return LEAVE_REASON_WORDS[reason] || 'Left';
}

/** What a moderator did, by audit action: the verb, and whether it names the participant. */
const ACTION_WORDS: Record<string, (who: string, track: string) => string> = {
  'track.muted': (who, track) => `muted the ${track} of ${who}`,
  'track.unmuted': (who, track) => `unmuted the ${track} of ${who}`,
  'track.unmute_requested': (who, track) => `asked ${who} to unmute the ${track}`,
  'participant.camera_requested': (who) => `asked ${who} to turn on their camera`,
  'participant.removed': (who) => `removed ${who}`,
  'participant.updated': (who) => `updated ${who}`,
  'participant.permissions_updated': (who) => `changed the permissions of ${who}`,
  'participant.subscriptions_updated': (who) => `changed what ${who} receives`,
  'participant.moved': (who) => `moved ${who} to another room`,
  'participant.forwarded': (who) => `forwarded ${who} to another room`,
  'room.metadata_updated': () => 'changed the room metadata',
  'room.created': () => 'created the room',
  'room.deleted': () => 'closed the room',
  'data.sent': () => 'sent a data message',
  'room.locked': () => 'locked the room',
  'room.unlocked': () => 'unlocked the room',
  'room.suspended': () => 'suspended the room’s activity',
  'room.resumed': () => 'resumed the room’s activity',
  'participant.lock_enforced': (who) => `removed ${who}: the room is locked`,
  'participant.suspended': (who) => `suspended ${who}`,
  'participant.resumed': (who) => `gave ${who} back what the suspension took`,
};

/** A participant's answer to a consent request, by its audit action (lib/contracts/consent.ts). */
const ANSWER_WORDS: Record<string, string> = {
  [answerAction('unmute', true)]: 'agreed to unmute',
  [answerAction('unmute', false)]: 'declined to unmute',
  [answerAction('camera', true)]: 'agreed to turn on their camera',
  [answerAction('camera', false)]: 'declined to turn on their camera',
};

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

function sourceOf(event: RoomEventDto, trackSources: ReadonlyMap<string, TrackSource>) {
  const source = text(event.detail?.source) ?? (event.trackSid && trackSources.get(event.trackSid));
  return source && source in TRACK_SOURCE_INFO ? TRACK_SOURCE_INFO[source as TrackSource] : null;
}

/**
 * One timeline entry in words: "alice left — removed by a moderator", "alice: Camera muted".
 * `trackSources` names tracks a moderator action only knows by sid (from other entries).
 */
export function describeRoomEvent(
  event: RoomEventDto,
  trackSources: ReadonlyMap<string, TrackSource> = new Map(),
): string {
  const who = event.identity ?? 'someone';
  const detail = event.detail ?? {};
  const source = sourceOf(event, trackSources);
  switch (event.type) {
    case 'room.started':
      return 'Room started';
    case 'room.finished':
      return 'Room ended';
    case 'room.updated':
      return 'Room metadata changed';
    case 'participant.joined':
      return `${who} joined`;
    case 'participant.left': {
      const reason = text(detail.reason) as LeaveReason | null;
      const why = reason ? LEAVE_REASON_WORDS[reason] : '';
      return why ? `${who} left — ${why}` : `${who} left`;
    }
    case 'participant.updated': {
      const changed = Array.isArray(detail.changed) ? (detail.changed as string[]) : [];
      const parts = changed.map((field) => {
        if (field === 'name') return `name changed to “${text(detail.name) ?? ''}”`;
        if (field === 'permission') return 'permissions changed';
        return `${field} changed`;
      });
      return `${who}: ${parts.join(', ') || 'updated'}`;
    }
    // "their screen share", not "sharing screen share": the noun already says what it is.
    case 'track.published':
      return `${who} started publishing their ${source ? source.noun : 'track'}`;
    case 'track.unpublished':
      return `${who} stopped publishing their ${source ? source.noun : 'track'}`;
    case 'track.muted':
      return `${who}: ${source ? source.label : 'Track'} muted`;
    case 'track.unmuted':
      return `${who}: ${source ? source.label : 'Track'} unmuted`;
    case 'moderation.action': {
      const action = text(detail.action) ?? 'an action';
      // The participant answered; the moderator whose watch view relayed it is in the audit log.
      const answer = ANSWER_WORDS[action];
      if (answer && text(detail.outcome) === 'success') return `${who} ${answer}`;
      const actor = text(detail.actorName) ?? 'A moderator';
      const words = ACTION_WORDS[action];
      const did = words ? words(who, source ? source.noun : 'track') : `did ${action}`;
      const outcome = text(detail.outcome);
      const suffix =
        outcome === 'denied' ? ' (refused: not allowed)' : outcome === 'error' ? ' (failed)' : '';
      return `${actor} ${did}${suffix}`;
    }
  }
}
