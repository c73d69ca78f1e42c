import 'server-only';

import pLimit from 'p-limit';

import type { ParticipantDto, RoomDto } from '@/lib/contracts/dto';
import type { LiveEvent, NewLiveEvent } from '@/lib/contracts/live-events';
import { tenantOf } from '@/lib/domain/tenant';
import type { LiveKitRoom } from '@/lib/livekit/to-dto';

import type { LiveBus } from './bus';
import type { KnownState } from './known-state';
import { diffParticipants, diffRoom, roomGone, type DiffContext } from './room-diff';

/** The two LiveKit reads reconciliation needs (lib/livekit/room-service.ts in production). */
export interface ReconcileSource {
  listRooms(names?: string[]): Promise<LiveKitRoom[]>;
  listParticipants(roomName: string): Promise<ParticipantDto[]>;
}

/**
 * Remembers which rooms and participants bus events touched while a pass was asking LiveKit. Its
 * answer may predate such an event (a webhook `participant_joined` arriving while ListParticipants
 * runs): diffing it would report a departure that did not happen, so the pass leaves those rows
 * to the next tick.
 */
export class TouchTracker {
  private readonly windows = new Set<Set<string>>();
  private readonly unsubscribe: () => void;

  constructor(bus: LiveBus) {
    this.unsubscribe = bus.subscribe((event) => {
      if (this.windows.size === 0) return;
      for (const key of touchKeys(event)) for (const window of this.windows) window.add(key);
    });
  }

  /** Starts recording; `touched(room, identity?)` answers for events since, until `close()`. */
  open(): TouchWindow {
    const window = new Set<string>();
    this.windows.add(window);
    return {
      touched: (roomName, identity) =>
        identity === undefined
          ? window.has(roomName)
          : window.has(`${roomName}\n*`) || window.has(`${roomName}\n${identity}`),
      sessionTouched: (roomName, roomSid) => {
        if (window.has(`${roomName}\n*`)) return true;
        const started = `${roomName}\n@`;
        for (const key of window) {
          if (key.startsWith(started) && key !== `${started}${roomSid}`) return true;
        }
        return false;
      },
      close: () => this.windows.delete(window),
    };
  }

  stop(): void {
    this.unsubscribe();
    this.windows.clear();
  }
}

export interface TouchWindow {
  /** Whether an event touched the room (no identity) or that participant's row since `open()`. */
  touched(roomName: string, identity?: string): boolean;
  /**
   * Whether the room finished, or another session than `roomSid` started, since `open()`: then
   * every participant row of the listing is in question. The start of the listed session itself
   * is not (its `room.started` says nothing about who is in it).
   */
  sessionTouched(roomName: string, roomSid: string): boolean;
  close(): void;
}

function touchKeys(event: LiveEvent): string[] {
  switch (event.type) {
    case 'room.updated':
      return [event.roomName];
    case 'room.started':
      // Which session started: a listing of another session's participants is in question.
      return [event.roomName, `${event.roomName}\n@${event.room.sid}`];
    case 'room.finished':
      // Every participant row of the room is in question.
      return [event.roomName, `${event.roomName}\n*`];
    case 'participant.joined':
    case 'participant.updated':
      return [`${event.roomName}\n${event.participant.identity}`];
    case 'participant.left':
    case 'track.published':
    case 'track.unpublished':
    case 'track.muted':
    case 'track.unmuted':
      return [`${event.roomName}\n${event.identity}`];
    case 'moderation.action':
    case 'bulk.progress':
    case 'bulk.cancel_requested':
      return [];
  }
}

export interface PassPlan {
  /** Rooms to look at; undefined = every room (then a known room not listed has finished). */
  roomNames?: string[];
  /** Rooms whose participants to list and diff (those not in LiveKit's room list are skipped). */
  participantRooms: string[];
  concurrency: number;
}

export interface PassDeps {
  source: ReconcileSource;
  known: KnownState;
  touches: TouchTracker;
}

export function withTenant(room: LiveKitRoom): RoomDto {
  return { ...room, tenant: tenantOf(room.metadata) };
}

/**
 * One look at LiveKit: lists the rooms (and the planned rooms' participants) and emits, through
 * `emit`, the events that bring the known state to what LiveKit says. Room events go first (a
 * room starts before anyone joins it; participants leave before it finishes), each checked
 * against the known state as it stands at that moment. Returns the events emitted. Throws when
 * LiveKit cannot be asked; nothing is emitted then.
 */
export async function reconcilePass(
  deps: PassDeps,
  plan: PassPlan,
  ctx: DiffContext,
  emit: (event: NewLiveEvent) => void,
): Promise<NewLiveEvent[]> {
  const { source, known } = deps;
  const window = deps.touches.open();
  let rooms: RoomDto[];
  let participants: Map<string, ParticipantDto[]>;
  try {
    const limit = pLimit(Math.max(1, plan.concurrency));
    const [listedRooms, lists] = await Promise.all([
      source.listRooms(plan.roomNames),
      Promise.all(
        plan.participantRooms.map((name) =>
          limit(async () => [name, await source.listParticipants(name)] as const),
        ),
      ),
    ]);
    rooms = listedRooms.map(withTenant);
    participants = new Map(lists);
  } finally {
    // Frozen now: what this pass emits must not mark its own rows as touched.
    window.close();
  }

  const emitted: NewLiveEvent[] = [];
  const send = (event: NewLiveEvent) => {
    if (known.isStale(event)) return;
    emit(event);
    emitted.push(event);
  };
  const listedNames = new Set(rooms.map((r) => r.name));
  const scope = plan.roomNames ? new Set(plan.roomNames) : undefined;
  for (const room of known.rooms()) {
    const name = room.room.name;
    if (listedNames.has(name) || (scope && !scope.has(name)) || window.touched(name)) continue;
    for (const e of roomGone(room, known.participants(name), 'UNKNOWN_REASON', ctx)) send(e);
  }
  for (const room of rooms) {
    if (window.touched(room.name)) continue;
    const events = diffRoom(known.room(room.name), room, known.participants(room.name), ctx);
    for (const e of events) send(e);
  }
  for (const room of rooms) {
    const listed = participants.get(room.name);
    if (!listed || window.sessionTouched(room.name, room.sid)) continue;
    const knownRows = known.participants(room.name) ?? [];
    const knownIdentities = new Set(knownRows.map((p) => p.identity));
    const before = knownRows.filter((p) => !window.touched(room.name, p.identity));
    // A touched identity the known state lacks is still reported as joined: skipping it would
    // leave a participant nothing knows of, whose departure no later pass could report. It cannot
    // resurrect anyone: `send` refuses a join of a sid that has left (KnownState.isStale).
    const after = listed.filter(
      (p) => !window.touched(room.name, p.identity) || !knownIdentities.has(p.identity),
    );
    for (const e of diffParticipants(room.name, room.tenant, before, after, ctx)) send(e);
    known.knowParticipants(room.name);
  }
  return emitted;
}
