import {
  AgentDispatch,
  AgentDispatchState,
  DataPacket_Kind,
  DisconnectReason,
  ParticipantInfo,
  ParticipantInfo_KindDetail,
  ParticipantInfo_State,
  Room,
  TrackSource,
  type ParticipantInfo_Kind,
  type ParticipantPermission,
  type TrackInfo,
} from '@livekit/protocol';
import { toTwirpJson } from '../encoding';
import { TwirpError } from '../errors';
import { IdPrefix, newId, randomBase57 } from '../ids';
import {
  nullEventSink,
  participantEvent,
  roomEvent,
  trackEvent,
  type EventSink,
} from '../webhooks/events';
import { IoStore } from './io';
import { Participant, canPublishSource, defaultPermission } from './participant';
import { RoomState, defaultCodecs } from './room';
import { ReceivedLog, type ParticipantSink } from './sink';
import { buildTrackInfo, type TrackSpec } from './tracks';

/** Server config defaults (§4.2, §4.6). */
export const DEFAULT_EMPTY_TIMEOUT = 300;
export const DEFAULT_DEPARTURE_TIMEOUT = 20;
const MAX_IDENTITY_LENGTH = 256;

export interface CreateRoomOptions {
  name: string;
  emptyTimeout?: number;
  departureTimeout?: number;
  maxParticipants?: number;
  metadata?: string;
  /** Explicit dispatches; none means the backward-compatible default dispatch (§6.1). */
  agents?: { agentName: string; metadata: string }[];
}

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

export interface ParticipantUpdate {
  name?: string;
  metadata?: string;
  attributes?: Record<string, string>;
  permission?: ParticipantPermission;
}

export interface DataMessage {
  data: Uint8Array;
  kind: DataPacket_Kind;
  topic?: string;
  destinationSids: string[];
  destinationIdentities: string[];
  nonce: Uint8Array;
}

const nowSeconds = (): number => Math.floor(Date.now() / 1000);

/**
 * The stand-in's whole in-memory world: rooms, participants, dispatches, simulated egress and
 * ingress. Every state change emits its webhook here so services and the control API share one
 * behaviour; every message to a participant goes through that participant's sink.
 */
export class StandinState {
  readonly rooms = new Map<string, RoomState>();
  readonly received = new ReceivedLog();
  readonly io: IoStore;

  constructor(private readonly events: EventSink = nullEventSink) {
    this.io = new IoStore(events);
  }

  reset(): void {
    this.rooms.clear();
    this.received.clear();
    this.io.clear();
  }

  // ---- rooms ------------------------------------------------------------------------------

  /** Idempotent get-or-create (§3.1): an existing room is returned unchanged. */
  createRoom(options: CreateRoomOptions): { room: RoomState; created: boolean } {
    const existing = this.rooms.get(options.name);
    if (existing) return { room: existing, created: false };
    const nowMs = Date.now();
    const info = new Room({
      sid: newId(IdPrefix.room),
      name: options.name,
      // 0 means "use the default", not "close immediately" (§3.1).
      emptyTimeout: options.emptyTimeout || DEFAULT_EMPTY_TIMEOUT,
      departureTimeout: options.departureTimeout || DEFAULT_DEPARTURE_TIMEOUT,
      maxParticipants: options.maxParticipants ?? 0,
      creationTime: BigInt(Math.floor(nowMs / 1000)),
      creationTimeMs: BigInt(nowMs),
      turnPassword: randomBase57(32),
      enabledCodecs: defaultCodecs(),
      metadata: options.metadata ?? '',
    });
    const room = new RoomState(info, (name) => this.io.hasActiveEgress(name));
    this.rooms.set(room.name, room);
    this.emit(() => roomEvent('room_started', room.toProto()));
    const agents = options.agents?.length ? options.agents : [{ agentName: '', metadata: '' }];
    for (const agent of agents) this.addDispatch(room, agent.agentName, agent.metadata);
    return { room, created: true };
  }

  addDispatch(room: RoomState, agentName: string, metadata: string): AgentDispatch {
    const dispatch = new AgentDispatch({
      id: newId(IdPrefix.dispatch),
      agentName,
      room: room.name,
      metadata,
      // created_at is Unix nanoseconds (§6.1).
      state: new AgentDispatchState({ createdAt: BigInt(Date.now()) * 1_000_000n }),
    });
    room.dispatches.set(dispatch.id, dispatch);
    return dispatch;
  }

  /** Closes a room: everyone leaves with `reason`, then room_finished (§3.3, §4.2). */
  closeRoom(room: RoomState, reason: DisconnectReason): void {
    for (const participant of [...room.participants.values()]) {
      this.leave(room, participant, reason);
    }
    this.rooms.delete(room.name);
    this.emit(() => roomEvent('room_finished', room.toProto()));
  }

  updateRoomMetadata(room: RoomState, metadata: string): void {
    room.info.metadata = metadata;
    const json = toTwirpJson(room.toProto());
    for (const participant of room.participants.values()) {
      participant.sink.deliver({ type: 'room_update', room: json });
    }
  }

  /**
   * CloseIfEmpty, run every second (§4.2): a room without non-dependent participants closes
   * `departure_timeout` s after the last departure, or `empty_timeout` s after creation if
   * nobody has come and gone.
   */
  closeIdleRooms(now = nowSeconds()): void {
    for (const room of [...this.rooms.values()]) {
      if (room.countNonDependent() > 0) continue;
      const departed = room.firstJoinedAt > 0 && room.lastLeftAt > 0;
      const elapsed = now - (departed ? room.lastLeftAt : Number(room.info.creationTime));
      const timeout = departed ? room.info.departureTimeout : room.info.emptyTimeout;
      if (elapsed >= timeout) this.closeRoom(room, DisconnectReason.ROOM_CLOSED);
    }
  }

  // ---- participants -----------------------------------------------------------------------

  /**
   * Joins a participant the way a connecting client would: auto-creates the room, replaces a
   * session with the same identity (DUPLICATE_IDENTITY), enforces max_participants, then walks
   * JOINING → JOINED → ACTIVE and publishes the requested tracks.
   */
  join(roomName: string, spec: JoinSpec, sink?: ParticipantSink): Participant {
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
    const room = this.rooms.get(roomName) ?? this.createRoom({ name: roomName }).room;
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
      sink ?? this.received.sinkFor(roomName, spec.identity),
    );
    const previous = room.participants.get(spec.identity);
    const max = room.info.maxParticipants;
    if (max > 0 && !participant.isDependent()) {
      const others = room.countNonDependent() - (previous && !previous.isDependent() ? 1 : 0);
      if (others >= max) {
        throw new TwirpError('resource_exhausted', 'room has exceeded its max participants');
      }
    }
    if (previous) this.leave(room, previous, DisconnectReason.DUPLICATE_IDENTITY);

    const nowMs = Date.now();
    info.joinedAt = BigInt(Math.floor(nowMs / 1000));
    info.joinedAtMs = BigInt(nowMs);
    room.participants.set(spec.identity, participant);
    if (!participant.isDependent() && room.firstJoinedAt === 0) room.firstJoinedAt = nowSeconds();
    this.advance(room, participant, spec.state ?? 'ACTIVE');
    // Initial tracks are part of the join itself; no separate participant updates for them.
    for (const track of spec.tracks ?? []) {
      this.attachTrack(room, participant, buildTrackInfo(track, info.tracks.length), false);
    }
    return participant;
  }

  /** Moves a participant forward through its states; participant_joined fires at ACTIVE (§5.1). */
  advance(room: RoomState, participant: Participant, target: JoinState): void {
    const order = [
      ParticipantInfo_State.JOINING,
      ParticipantInfo_State.JOINED,
      ParticipantInfo_State.ACTIVE,
    ];
    const targetState = ParticipantInfo_State[target];
    for (const state of order) {
      if (state <= participant.info.state || state > targetState) continue;
      participant.info.state = state;
      participant.changed();
      if (state === ParticipantInfo_State.ACTIVE) {
        participant.everActive = true;
        this.emit(() => participantEvent('participant_joined', room.toProto(), participant.info));
      }
    }
  }

  /**
   * A participant leaves. Tracks are unpublished first, then the participant is told why (unless
   * it left on its own) and `participant_left` — or `participant_connection_aborted` when it
   * never became ACTIVE — is emitted (§3.6, §4.3, §5.1).
   */
  leave(room: RoomState, participant: Participant, reason: DisconnectReason): void {
    if (room.participants.get(participant.identity) !== participant) return;
    for (const track of [...participant.info.tracks]) {
      this.unpublishTrack(room, participant, track.sid, false);
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
    if (!participant.isDependent()) room.lastLeftAt = nowSeconds();
    const name = participant.everActive ? 'participant_left' : 'participant_connection_aborted';
    this.emit(() => participantEvent(name, room.toProto(), participant.info));
  }

  publishTrack(room: RoomState, participant: Participant, spec: TrackSpec): TrackInfo {
    if (!participant.canPublishSource(spec.source))
      throw sourceNotAllowed(participant.identity, spec);
    const track = buildTrackInfo(spec, participant.info.tracks.length);
    this.attachTrack(room, participant, track);
    return track;
  }

  /** Adds an already-built track (also used when a participant is moved or forwarded). */
  attachTrack(room: RoomState, participant: Participant, track: TrackInfo, notify = true): void {
    participant.info.tracks.push(track);
    participant.info.isPublisher = true;
    participant.changed();
    this.emit(() => trackEvent('track_published', room.toTrimmedProto(), participant.info, track));
    if (notify) this.broadcastUpdate(room, participant, false);
  }

  unpublishTrack(
    room: RoomState,
    participant: Participant,
    trackSid: string,
    notify = true,
  ): boolean {
    const index = participant.info.tracks.findIndex((t) => t.sid === trackSid);
    if (index < 0) return false;
    const [track] = participant.info.tracks.splice(index, 1);
    participant.changed();
    this.emit(() =>
      trackEvent('track_unpublished', room.toTrimmedProto(), participant.info, track!),
    );
    if (notify) this.broadcastUpdate(room, participant, false);
    return true;
  }

  /**
   * Sends a participant's new ParticipantInfo as a participant update to the others in the room
   * (and to itself when `includeSelf`). Hidden participants are never shown to others (§4.4).
   * Joins and leaves are deliberately not broadcast: in a 10k room that would be O(n²) entries.
   */
  private broadcastUpdate(room: RoomState, participant: Participant, includeSelf: boolean): void {
    const json = toTwirpJson(participant.info);
    const hidden = participant.info.permission?.hidden === true;
    for (const other of room.participants.values()) {
      if (other === participant ? !includeSelf : hidden) continue;
      other.sink.deliver({ type: 'participant_update', participant: json });
    }
  }

  /**
   * Sets a track's mute state. A moderator's mute also reaches the participant as a mute request
   * (§3.7); a participant muting itself only changes the server-side state.
   */
  setTrackMuted(
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
    this.broadcastUpdate(room, participant, false);
  }

  /**
   * UpdateParticipant semantics (§3.8): empty name/metadata leave them unchanged, `""` deletes an
   * attribute, a permission replaces the whole set and unpublishes what it no longer allows.
   * Returns whether anything changed.
   */
  updateParticipant(room: RoomState, participant: Participant, update: ParticipantUpdate): boolean {
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
          this.unpublishTrack(room, participant, track.sid, false);
        }
      }
      info.isPublisher = info.isPublisher && update.permission.canPublish;
      changed = true;
    }
    if (changed) {
      participant.changed();
      this.broadcastUpdate(room, participant, true);
    }
    return changed;
  }

  /** SendData delivery (§3.10): all participants or the named ones; repeated nonces are dropped. */
  sendData(room: RoomState, message: DataMessage): void {
    if (room.isDuplicateNonce(message.nonce)) return;
    const sids = new Set(message.destinationSids);
    const identities = new Set(message.destinationIdentities);
    const everyone = sids.size === 0 && identities.size === 0;
    const payload = Buffer.from(message.data).toString('base64');
    for (const participant of room.participants.values()) {
      if (!everyone && !sids.has(participant.sid) && !identities.has(participant.identity))
        continue;
      participant.sink.deliver({
        type: 'data',
        payload,
        topic: message.topic ?? null,
        kind: message.kind === DataPacket_Kind.LOSSY ? 'LOSSY' : 'RELIABLE',
        senderIdentity: '',
        destinationIdentities: message.destinationIdentities,
        destinationSids: message.destinationSids,
      });
    }
  }

  private emit(build: () => Parameters<EventSink['emit']>[0]): void {
    // Building payloads costs time and memory; skip it entirely without webhook URLs.
    if (this.events.enabled) this.events.emit(build());
  }
}

function sourceNotAllowed(identity: string, track: TrackSpec): TwirpError {
  return new TwirpError(
    'permission_denied',
    `participant ${identity} is not allowed to publish source ${TrackSource[track.source]}`,
  );
}
