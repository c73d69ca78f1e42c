import { AgentDispatch, AgentDispatchState, DisconnectReason, Room } from '@livekit/protocol';
import { IdPrefix, newId, randomBase57 } from '../ids';
import { roomEvent } from '../webhooks/events';
import { nowSeconds } from './clock';
import { RoomState, defaultCodecs } from './room';
import type { StandinState } from './store';

/*
 * Rooms coming and going: get-or-create, agent dispatches made with the room, closing (explicitly
 * or by the idle sweep) and the webhooks that go with it.
 */

/** Server config defaults (§4.2, §4.6). */
export const DEFAULT_EMPTY_TIMEOUT = 300;
export const DEFAULT_DEPARTURE_TIMEOUT = 20;

export interface CreateRoomOptions {
  name: string;
  emptyTimeout?: number;
  departureTimeout?: number;
  maxParticipants?: number;
  metadata?: string;
  /** Explicit dispatches; none means the backward-compatible default dispatch (§6.1). */
  agents?: { agentName: string; metadata: string }[];
}

/** Idempotent get-or-create (§3.1): an existing room is returned unchanged. */
export function createRoom(
  state: StandinState,
  options: CreateRoomOptions,
): { room: RoomState; created: boolean } {
  const existing = state.rooms.get(options.name);
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
  const room = new RoomState(info, (name) => state.io.hasActiveEgress(name));
  state.rooms.set(room.name, room);
  state.emit(() => roomEvent('room_started', room.toProto()));
  const agents = options.agents?.length ? options.agents : [{ agentName: '', metadata: '' }];
  for (const agent of agents) addDispatch(room, agent.agentName, agent.metadata);
  return { room, created: true };
}

export function addDispatch(room: RoomState, agentName: string, metadata: string): AgentDispatch {
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
export function closeRoom(state: StandinState, room: RoomState, reason: DisconnectReason): void {
  for (const participant of [...room.participants.values()]) {
    state.leave(room, participant, reason);
  }
  state.rooms.delete(room.name);
  state.emit(() => roomEvent('room_finished', room.toProto()));
}

/**
 * CloseIfEmpty, run every second (§4.2): a room without non-dependent participants closes
 * `departure_timeout` s after the last departure, or `empty_timeout` s after creation if
 * nobody has come and gone.
 */
export function closeIdleRooms(state: StandinState, now = nowSeconds()): void {
  for (const room of [...state.rooms.values()]) {
    if (room.countNonDependent() > 0) continue;
    const departed = room.firstJoinedAt > 0 && room.lastLeftAt > 0;
    const elapsed = now - (departed ? room.lastLeftAt : Number(room.info.creationTime));
    const timeout = departed ? room.info.departureTimeout : room.info.emptyTimeout;
    if (elapsed >= timeout) closeRoom(state, room, DisconnectReason.ROOM_CLOSED);
  }
}
