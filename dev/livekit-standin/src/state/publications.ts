import { TrackSource, type TrackInfo } from '@livekit/protocol';
import { TwirpError } from '../errors';
import { trackEvent } from '../webhooks/events';
import { broadcastParticipantUpdate } from './broadcast';
import type { Participant } from './participant';
import type { RoomState } from './room';
import type { StandinState } from './store';
import { buildTrackInfo, type TrackSpec } from './tracks';

/*
 * A participant's published tracks: publishing (checked against its permission), unpublishing,
 * muting, with the track webhooks and the participant updates the others see.
 */

export function sourceNotAllowed(identity: string, track: TrackSpec): TwirpError {
  return new TwirpError(
    'permission_denied',
    `participant ${identity} is not allowed to publish source ${TrackSource[track.source]}`,
  );
}

export function publishTrack(
  state: StandinState,
  room: RoomState,
  participant: Participant,
  spec: TrackSpec,
): TrackInfo {
  if (!participant.canPublishSource(spec.source)) {
    throw sourceNotAllowed(participant.identity, spec);
  }
  const track = buildTrackInfo(spec, participant.info.tracks.length);
  attachTrack(state, room, participant, track);
  return track;
}

/** Adds an already-built track (also used when a participant is moved or forwarded). */
export function attachTrack(
  state: StandinState,
  room: RoomState,
  participant: Participant,
  track: TrackInfo,
  notify = true,
): void {
  participant.info.tracks.push(track);
  participant.info.isPublisher = true;
  participant.changed();
  state.emit(() => trackEvent('track_published', room.toTrimmedProto(), participant.info, track));
  if (notify) broadcastParticipantUpdate(room, participant, false);
}

export function unpublishTrack(
  state: StandinState,
  room: RoomState,
  participant: Participant,
  trackSid: string,
  notify = true,
): boolean {
  const index = participant.info.tracks.findIndex((t) => t.sid === trackSid);
  if (index < 0) return false;
  const [track] = participant.info.tracks.splice(index, 1);
  participant.changed();
  state.emit(() =>
    trackEvent('track_unpublished', room.toTrimmedProto(), participant.info, track!),
  );
  if (notify) broadcastParticipantUpdate(room, participant, false);
  return true;
}

/**
 * Sets a track's mute state. A moderator's mute also reaches the participant as a mute request
 * (§3.7); a participant muting itself only changes the server-side state.
 */
export function setTrackMuted(
  room: RoomState,
  participant: Participant,
  track: TrackInfo,
  muted: boolean,
  byServer: boolean,
): void {
  if (byServer) participant.sink.deliver({ type: 'mute', trackSid: track.sid, muted });
  if (track.muted === muted) return;
  track.muted = muted;
  participant.changed();
  broadcastParticipantUpdate(room, participant, false);
}
