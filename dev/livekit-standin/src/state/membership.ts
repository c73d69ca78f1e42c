import {
  DisconnectReason,
  ParticipantInfo,
  ParticipantInfo_State,
  type ParticipantInfo_Kind,
  type ParticipantInfo_KindDetail,
  type ParticipantPermission,
} from '@livekit/protocol';
import { TwirpError } from '../errors';
import { IdPrefix, newId } from '../ids';
import { participantEvent } from '../webhooks/events';
import { broadcastPresence } from './broadcast';
import { nowSeconds } from './clock';
import { Participant, canPublishSource, defaultPermission } from './participant';
import { sourceNotAllowed } from './publications';
import type { RoomState } from './room';
import type { ParticipantSink } from './sink';
import type { StandinState } from './store';
import { buildTrackInfo, type TrackSpec } from './tracks';

/*
 * Participants joining and leaving: the connection states a client walks through, identity
 * replacement, max_participants, and the participant_joined / _left / _connection_aborted
 * webhooks. A real client (rtc/session.ts) joins through the same `join` with its own sink.
 */

const MAX_IDENTITY_LENGTH = 256;

export type JoinState = 'JOINING' | 'JOINED' | 'ACTIVE';

export interface JoinSpec {
  identity: string;
  name?: string;
  metadata?: string;
  attributes?: Record<string, string>;
  kind?: ParticipantInfo_Kind;
  kindDetails?: ParticipantInfo_KindDetail[];
  permission?: ParticipantPermission;
  tracks?: TrackSpec[];
  /** Where the join stops; default ACTIVE. JOINING/JOINED model a client that never connects. */
  state?: JoinState;
  /** Keeps an existing session's sid (Cloud MoveParticipant). */
  sid?: string;
}

/**
 * Joins a participant the way a connecting client would: auto-creates the room, replaces a
 * session with the same identity (DUPLICATE_IDENTITY), enforces max_participants, then walks
 * JOINING → JOINED → ACTIVE and publishes the requested tracks.
 */
export function join(
  state: StandinState,
  roomName: string,
  spec: JoinSpec,
  sink?: ParticipantSink,
): Participant {
  if (!spec.identity) throw new TwirpError('invalid_argument', 'identity is required');
  if (Buffer.byteLength(spec.identity) > MAX_IDENTITY_LENGTH) {
    throw new TwirpError(
      'invalid_argument',
      `identity length exceeds limits ${MAX_IDENTITY_LENGTH}`,
    );
  }
  const permission = spec.permission ?? defaultPermission();
  for (const track of spec.tracks ?? []) {
    if (!canPublishSource(permission, track.source)) throw sourceNotAllowed(spec.identity, track);
  }
  const room = state.rooms.get(roomName) ?? state.createRoom({ name: roomName }).room;
  const info = new ParticipantInfo({
    sid: spec.sid ?? newId(IdPrefix.participant),
    identity: spec.identity,
    name: spec.name ?? '',
    metadata: spec.metadata ?? '',
    attributes: { ...spec.attributes },
    kind: spec.kind,
    kindDetails: spec.kindDetails ?? [],
    permission,
    state: ParticipantInfo_State.JOINING,
  });
  const participant = new Participant(
    info,
    sink ?? state.received.sinkFor(roomName, spec.identity),
  );
  const previous = room.participants.get(spec.identity);
  const max = room.info.maxParticipants;
  if (max > 0 && !participant.isDependent()) {
    const others = room.countNonDependent() - (previous && !previous.isDependent() ? 1 : 0);
    if (others >= max) {
      throw new TwirpError('resource_exhausted', 'room has exceeded its max participants');
    }
  }
  if (previous) leave(state, room, previous, DisconnectReason.DUPLICATE_IDENTITY);

  const nowMs = Date.now();
  info.joinedAt = BigInt(Math.floor(nowMs / 1000));
  info.joinedAtMs = BigInt(nowMs);
  room.participants.set(spec.identity, participant);
  if (!participant.isDependent() && room.firstJoinedAt === 0) room.firstJoinedAt = nowSeconds();
  advance(state, room, participant, spec.state ?? 'ACTIVE');
  // Initial tracks are part of the join itself; no separate participant updates for them.
  for (const track of spec.tracks ?? []) {
    state.attachTrack(room, participant, buildTrackInfo(track, info.tracks.length), false);
  }
  return participant;
}

/** Moves a participant forward through its states; participant_joined fires at ACTIVE (§5.1). */
export function advance(
  state: StandinState,
  room: RoomState,
  participant: Participant,
  target: JoinState,
): void {
  const order = [
    ParticipantInfo_State.JOINING,
    ParticipantInfo_State.JOINED,
    ParticipantInfo_State.ACTIVE,
  ];
  const targetState = ParticipantInfo_State[target];
  for (const step of order) {
    if (step <= participant.info.state || step > targetState) continue;
    participant.info.state = step;
    participant.changed();
    if (step === ParticipantInfo_State.ACTIVE) {
      participant.everActive = true;
      state.emit(() => participantEvent('participant_joined', room.toProto(), participant.info));
    }
    broadcastPresence(room, participant);
  }
}

/**
 * A participant leaves. Tracks are unpublished first, then the participant is told why (unless
 * it left on its own) and `participant_left` — or `participant_connection_aborted` when it
 * never became ACTIVE — is emitted (§3.6, §4.3, §5.1).
 */
export function leave(
  state: StandinState,
  room: RoomState,
  participant: Participant,
  reason: DisconnectReason,
): void {
  if (room.participants.get(participant.identity) !== participant) return;
  for (const track of [...participant.info.tracks]) {
    state.unpublishTrack(room, participant, track.sid, false);
  }
  room.participants.delete(participant.identity);
  participant.info.state = ParticipantInfo_State.DISCONNECTED;
  participant.info.disconnectReason = reason;
  participant.changed();
  // A client that leaves on its own, or is migrated to another room, gets no leave request.
  if (reason !== DisconnectReason.CLIENT_INITIATED && reason !== DisconnectReason.MIGRATION) {
    participant.sink.deliver({
      type: 'leave',
      reason: DisconnectReason[reason],
      action: 'DISCONNECT',
    });
  }
  broadcastPresence(room, participant);
  if (!participant.isDependent()) room.lastLeftAt = nowSeconds();
  const name = participant.everActive ? 'participant_left' : 'participant_connection_aborted';
  state.emit(() => participantEvent(name, room.toProto(), participant.info));
}
