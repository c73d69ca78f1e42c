import type { AgentDispatch, DisconnectReason, TrackInfo, WebhookEvent } from '@livekit/protocol';
import { nullEventSink, type EventSink } from '../webhooks/events';
import { relayData, sendData, type ClientData, type DataMessage } from './data';
import { IoStore } from './io';
import * as membership from './membership';
import type { JoinSpec, JoinState } from './membership';
import type { Participant } from './participant';
import * as publications from './publications';
import type { RoomState } from './room';
import * as lifecycle from './room-lifecycle';
import type { CreateRoomOptions } from './room-lifecycle';
import { ReceivedLog, type ParticipantSink } from './sink';
import type { TrackSpec } from './tracks';
import * as updates from './updates';
import type { ParticipantUpdate } from './updates';

export type { ClientData, DataMessage } from './data';
export type { JoinSpec, JoinState } from './membership';
export type { CreateRoomOptions } from './room-lifecycle';
export { DEFAULT_DEPARTURE_TIMEOUT, DEFAULT_EMPTY_TIMEOUT } from './room-lifecycle';
export type { ParticipantUpdate } from './updates';

/**
 * The stand-in's whole in-memory world: rooms, participants, dispatches, simulated egress and
 * ingress. Services, the control API, the seed and the simulation change state only through these
 * methods, so they share one behaviour; each method is implemented in the module of its concern
 * (room-lifecycle, membership, publications, updates, data), which reach each other through
 * this facade. Every message to a participant goes through that participant's sink.
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

  /** Emits a webhook event, built only when webhooks are configured (payloads cost time and memory). */
  emit(build: () => WebhookEvent): void {
    if (this.events.enabled) this.events.emit(build());
  }

  // ---- rooms (room-lifecycle.ts, updates.ts) --------------------------------------------------

  createRoom(options: CreateRoomOptions): { room: RoomState; created: boolean } {
    return lifecycle.createRoom(this, options);
  }

  addDispatch(room: RoomState, agentName: string, metadata: string): AgentDispatch {
    return lifecycle.addDispatch(room, agentName, metadata);
  }

  closeRoom(room: RoomState, reason: DisconnectReason): void {
    lifecycle.closeRoom(this, room, reason);
  }

  closeIdleRooms(now?: number): void {
    lifecycle.closeIdleRooms(this, now);
  }

  updateRoomMetadata(room: RoomState, metadata: string): void {
    updates.updateRoomMetadata(room, metadata);
  }

  // ---- participants (membership.ts, updates.ts) -----------------------------------------------

  join(roomName: string, spec: JoinSpec, sink?: ParticipantSink): Participant {
    return membership.join(this, roomName, spec, sink);
  }

  advance(room: RoomState, participant: Participant, target: JoinState): void {
    membership.advance(this, room, participant, target);
  }

  leave(room: RoomState, participant: Participant, reason: DisconnectReason): void {
    membership.leave(this, room, participant, reason);
  }

  updateParticipant(room: RoomState, participant: Participant, update: ParticipantUpdate): boolean {
    return updates.updateParticipant(this, room, participant, update);
  }

  // ---- tracks (publications.ts) ---------------------------------------------------------------

  publishTrack(room: RoomState, participant: Participant, spec: TrackSpec): TrackInfo {
    return publications.publishTrack(this, room, participant, spec);
  }

  attachTrack(room: RoomState, participant: Participant, track: TrackInfo, notify = true): void {
    publications.attachTrack(this, room, participant, track, notify);
  }

  unpublishTrack(
    room: RoomState,
    participant: Participant,
    trackSid: string,
    notify = true,
  ): boolean {
    return publications.unpublishTrack(this, room, participant, trackSid, notify);
  }

  setTrackMuted(
    room: RoomState,
    participant: Participant,
    track: TrackInfo,
    muted: boolean,
    byServer: boolean,
  ): void {
    publications.setTrackMuted(room, participant, track, muted, byServer);
  }

  // ---- data (data.ts) -------------------------------------------------------------------------

  sendData(room: RoomState, message: DataMessage): void {
    sendData(room, message);
  }

  relayData(room: RoomState, sender: Participant, message: ClientData): void {
    relayData(room, sender, message);
  }
}
