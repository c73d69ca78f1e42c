import { ANSWER_ACTIONS } from './consent';
import type { ParticipantDto } from './dto';
import type { RoomEventDto } from './history';
import type { LiveEvent } from './live-events';

/**
 * One mapping from a live event to the timeline entry it becomes, used by the server's history
 * recorder (what it stores) and by the browser (what it prepends to an open timeline), so a
 * pushed entry and the stored one it is later replaced by read the same.
 */

/** Metadata can be 512 KiB; the timeline shows a preview, the room page the whole value. */
const MAX_DETAIL_TEXT = 2000;

const clip = (text: string) =>
  text.length > MAX_DETAIL_TEXT ? `${text.slice(0, MAX_DETAIL_TEXT)}…` : text;

/** What a participant.updated may say on a timeline: presence and track changes have their own events. */
const TIMELINE_FIELDS = new Set(['name', 'metadata', 'attributes', 'permission']);

/** The new values of the fields a participant.updated names, for the timeline's wording. */
function changedValues(participant: ParticipantDto, changed: string[]): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const field of changed) {
    if (field === 'name') values.name = participant.name;
    else if (field === 'metadata') values.metadata = clip(participant.metadata);
    else if (field === 'attributes') values.attributes = participant.attributes;
    else if (field === 'permission') values.permission = participant.permission;
  }
  return values;
}

/**
 * A live event as a timeline entry: the columns the timeline filters on, and a small `detail`
 * with what it says about the event (never the whole DTO: a participant with many tracks or
 * large metadata would bloat every row). Null for a participant.updated that changed only
 * presence or tracks. `roomSid` defaults to the one the event itself carries.
 */
export function toTimelineEntry(
  event: LiveEvent,
  roomSid: string | null = null,
): RoomEventDto | null {
  // A bulk run's targets are on the timeline one by one, as moderator actions.
  if (event.type === 'bulk.progress' || event.type === 'bulk.cancel_requested') return null;
  const base = { id: event.id, roomName: event.roomName, atMs: event.atMs, type: event.type };
  switch (event.type) {
    case 'room.started':
    case 'room.updated':
      return {
        ...base,
        roomSid: roomSid ?? (event.room.sid || null),
        identity: null,
        trackSid: null,
        detail: {
          metadata: clip(event.room.metadata),
          activeRecording: event.room.activeRecording,
        },
      };
    case 'room.finished':
      return {
        ...base,
        roomSid: roomSid ?? (event.roomSid || null),
        identity: null,
        trackSid: null,
        detail: null,
      };
    case 'participant.joined':
      return {
        ...base,
        roomSid,
        identity: event.participant.identity,
        trackSid: null,
        detail: { name: event.participant.name, kind: event.participant.kind },
      };
    case 'participant.updated': {
      const changed = event.changed.filter((field) => TIMELINE_FIELDS.has(field));
      if (changed.length === 0) return null;
      return {
        ...base,
        roomSid,
        identity: event.participant.identity,
        trackSid: null,
        detail: { changed, ...changedValues(event.participant, changed) },
      };
    }
    case 'participant.left':
      return {
        ...base,
        roomSid,
        identity: event.identity,
        trackSid: null,
        detail: { reason: event.reason },
      };
    case 'track.published':
    case 'track.unpublished':
    case 'track.muted':
    case 'track.unmuted':
      return {
        ...base,
        roomSid,
        identity: event.identity,
        trackSid: event.track.sid,
        detail: {
          source: event.track.source,
          trackType: event.track.type,
          trackName: event.track.name,
        },
      };
    case 'moderation.action':
      // A second relay of a participant's answer (two moderators watching) is no new fact.
      if (event.errorCode === 'conflict' && ANSWER_ACTIONS.includes(event.action)) return null;
      return {
        ...base,
        roomSid,
        identity: event.identity,
        trackSid: event.trackSid,
        detail: {
          action: event.action,
          actorName: event.actorName,
          outcome: event.outcome,
          errorCode: event.errorCode,
        },
      };
  }
}
