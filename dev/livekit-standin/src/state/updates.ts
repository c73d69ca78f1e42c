import type { ParticipantPermission } from '@livekit/protocol';
import { broadcastParticipantUpdate, broadcastRoomUpdate } from './broadcast';
import { canPublishSource, type Participant } from './participant';
import type { RoomState } from './room';
import type { StandinState } from './store';

/*
 * Moderator edits of who a participant is and what it may do (UpdateParticipant), and of the
 * room's metadata (UpdateRoomMetadata), each followed by the update the participants receive.
 */

export interface ParticipantUpdate {
  name?: string;
  metadata?: string;
  attributes?: Record<string, string>;
  permission?: ParticipantPermission;
}

/**
 * UpdateParticipant (docs/livekit-behaviour.md §3.8): empty name/metadata leave them unchanged, `""` deletes an
 * attribute, a permission replaces the whole set and unpublishes what it no longer allows.
 * Returns whether anything changed.
 */
export function updateParticipant(
  state: StandinState,
  room: RoomState,
  participant: Participant,
  update: ParticipantUpdate,
): boolean {
  const info = participant.info;
  let changed = false;
  if (update.name && update.name !== info.name) {
    info.name = update.name;
    changed = true;
  }
  if (update.metadata && update.metadata !== info.metadata) {
    info.metadata = update.metadata;
    changed = true;
  }
  for (const [key, value] of Object.entries(update.attributes ?? {})) {
    if (value === '' && key in info.attributes) {
      delete info.attributes[key];
      changed = true;
    } else if (value !== '' && info.attributes[key] !== value) {
      info.attributes[key] = value;
      changed = true;
    }
  }
  if (update.permission && !update.permission.equals(info.permission)) {
    info.permission = update.permission;
    for (const track of [...info.tracks]) {
      if (!canPublishSource(update.permission, track.source)) {
        state.unpublishTrack(room, participant, track.sid, false);
        // The publisher itself is told, so its SDK stops sending (participant.go sendTrackUnpublished).
        participant.sink.deliver({ type: 'track_unpublished', trackSid: track.sid });
      }
    }
    info.isPublisher = info.isPublisher && update.permission.canPublish;
    changed = true;
  }
  if (changed) {
    participant.changed();
    broadcastParticipantUpdate(room, participant, true);
  }
  return changed;
}

export function updateRoomMetadata(room: RoomState, metadata: string): void {
  room.info.metadata = metadata;
  broadcastRoomUpdate(room);
}
