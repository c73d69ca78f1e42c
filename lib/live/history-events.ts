import 'server-only';

import type { ParticipantDto } from '@/lib/contracts/dto';
import type { LiveEvent } from '@/lib/contracts/live-events';
import type { NewRoomEvent } from '@/lib/db/history';

/** Metadata can be 512 KiB; the timeline shows a preview, the room page the whole value. */
const MAX_DETAIL_TEXT = 2000;

const clip = (text: string) =>
  text.length > MAX_DETAIL_TEXT ? `${text.slice(0, MAX_DETAIL_TEXT)}…` : text;

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
 * large metadata would bloat every row).
 */
export function toRoomEvent(event: LiveEvent, roomSid: string | null): NewRoomEvent {
  const base = {
    id: event.id,
    roomSid,
    roomName: event.roomName,
    tenant: event.tenant,
    atMs: event.atMs,
    type: event.type,
  };
  switch (event.type) {
    case 'room.started':
    case 'room.updated':
      return {
        ...base,
        identity: null,
        trackSid: null,
        detail: {
          metadata: clip(event.room.metadata),
          activeRecording: event.room.activeRecording,
        },
      };
    case 'room.finished':
      return { ...base, identity: null, trackSid: null, detail: null };
    case 'participant.joined':
      return {
        ...base,
        identity: event.participant.identity,
        trackSid: null,
        detail: { name: event.participant.name, kind: event.participant.kind },
      };
    case 'participant.updated':
      return {
        ...base,
        identity: event.participant.identity,
        trackSid: null,
        detail: {
          changed: event.changed,
          ...changedValues(event.participant, event.changed),
        },
      };
    case 'participant.left':
      return {
        ...base,
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
        identity: event.identity,
        trackSid: event.track.sid,
        detail: {
          source: event.track.source,
          trackType: event.track.type,
          trackName: event.track.name,
        },
      };
    case 'moderation.action':
      return {
        ...base,
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
