import { hashKey, type QueryClient } from '@tanstack/react-query';

import type { ParticipantDto, RoomDto, TrackDto } from '@/lib/contracts/dto';
import type { LiveEvent } from '@/lib/contracts/live-events';
import { roomKeys } from '@/lib/queries/keys';

/**
 * How one live event changes the cached rows. Pure: each function takes the cached value and
 * returns the new one — the same reference when nothing changes, so TanStack Query notifies no
 * one. `undefined` (not loaded) stays `undefined`: a patch never invents a list it has not seen;
 * the next fetch brings the full truth.
 *
 * Events carry full snapshots (lib/contracts/live-events.ts), so applying one twice is harmless.
 * Out-of-order events are guarded by sids: a `participant.left` or `room.finished` for an older
 * session never removes the row of a newer one with the same name.
 */

export function patchRoomList(
  rooms: readonly RoomDto[] | undefined,
  event: LiveEvent,
): RoomDto[] | undefined {
  if (!rooms) return undefined;
  switch (event.type) {
    case 'room.started':
    case 'room.updated': {
      const index = rooms.findIndex((r) => r.name === event.room.name);
      if (index !== -1) return rooms.with(index, event.room);
      // Where the server would list it: newest first, then by name (lib/domain/rooms/list-rooms.ts).
      const at = rooms.findIndex((r) => compareRooms(event.room, r) < 0);
      return at === -1 ? [...rooms, event.room] : rooms.toSpliced(at, 0, event.room);
    }
    case 'room.finished': {
      const next = rooms.filter((r) => !sameRoomSession(r, event.roomName, event.roomSid));
      return next.length === rooms.length ? (rooms as RoomDto[]) : next;
    }
    default:
      return rooms as RoomDto[];
  }
}

function compareRooms(a: RoomDto, b: RoomDto): number {
  return b.creationTimeMs - a.creationTimeMs || a.name.localeCompare(b.name);
}

/** The room page's room: replaced by started/updated snapshots of the same name. */
export function patchRoomDetail(room: RoomDto | undefined, event: LiveEvent): RoomDto | undefined {
  if (!room || room.name !== event.roomName) return room;
  if (event.type === 'room.started' || event.type === 'room.updated') return event.room;
  return room;
}

/** True when a room.finished event ends `room` (an empty sid, as some webhooks send, matches). */
export function sameRoomSession(room: RoomDto, roomName: string, roomSid: string): boolean {
  return room.name === roomName && (!roomSid || !room.sid || room.sid === roomSid);
}

export function patchParticipants(
  participants: readonly ParticipantDto[] | undefined,
  event: LiveEvent,
): ParticipantDto[] | undefined {
  if (!participants) return undefined;
  const list = participants as ParticipantDto[];
  switch (event.type) {
    case 'participant.joined':
    case 'participant.updated': {
      const incoming = event.participant;
      const index = list.findIndex((p) => p.identity === incoming.identity);
      if (index === -1) return [...list, incoming];
      const current = list[index]!;
      // An older snapshot of the same session arriving late does not roll the row back.
      if (current.sid === incoming.sid && current.version > incoming.version) return list;
      return list.with(index, incoming);
    }
    case 'participant.left': {
      const next = list.filter(
        (p) => !(p.identity === event.identity && sameSid(p.sid, event.participantSid)),
      );
      return next.length === list.length ? list : next;
    }
    case 'track.published':
    case 'track.unpublished':
    case 'track.muted':
    case 'track.unmuted': {
      const index = list.findIndex(
        (p) => p.identity === event.identity && sameSid(p.sid, event.participantSid),
      );
      if (index === -1) return list;
      const participant = list[index]!;
      const tracks = patchTracks(participant.tracks, event.type, event.track);
      if (tracks === participant.tracks) return list;
      return list.with(index, { ...participant, tracks });
    }
    case 'room.finished':
      return list.length === 0 ? list : [];
    default:
      return list;
  }
}

function sameSid(cached: string, fromEvent: string): boolean {
  return !fromEvent || !cached || cached === fromEvent;
}

export function patchTracks(
  tracks: readonly TrackDto[],
  type: 'track.published' | 'track.unpublished' | 'track.muted' | 'track.unmuted',
  track: TrackDto,
): TrackDto[] {
  const list = tracks as TrackDto[];
  const index = list.findIndex((t) => t.sid === track.sid);
  if (type === 'track.unpublished') {
    return index === -1 ? list : list.filter((t) => t.sid !== track.sid);
  }
  if (index === -1) return [...list, track];
  return list.with(index, track);
}

type Patch = (data: unknown, event: LiveEvent) => unknown;
type Step = { patch: Patch; event: LiveEvent };

/** The caches one event concerns, with the pure patch of each. */
function targets(event: LiveEvent): { queryKey: readonly unknown[]; patch: Patch }[] {
  if (event.type === 'moderation.action' || event.type.startsWith('bulk.')) return [];
  const found: { queryKey: readonly unknown[]; patch: Patch }[] = [];
  if (event.type.startsWith('room.')) {
    found.push(
      { queryKey: roomKeys.list(), patch: patchRoomList as Patch },
      { queryKey: roomKeys.detail(event.roomName), patch: patchRoomDetail as Patch },
    );
  }
  if (event.type !== 'room.started' && event.type !== 'room.updated') {
    found.push({
      queryKey: roomKeys.participants(event.roomName),
      patch: patchParticipants as Patch,
    });
  }
  return found;
}

/**
 * Applies events to the query caches (the glue; the decisions are the pure functions above).
 *
 * One race needs care: a fetch that started before an event and answers after it would overwrite
 * the patched row with the older answer (the refetch after the stream opens, a refetch after a
 * mutation, window focus) — and with polling off, nothing would correct it. So an event that
 * patches a query while it is fetching is kept and applied again on top of that fetch's answer.
 * Snapshots make this safe: re-applying an event the answer already includes changes nothing, and
 * a participant snapshot older than the answer's is refused by its version.
 */
export class LiveCachePatcher {
  /** Query hash → the patches applied while its fetch was in flight, to apply again on its answer. */
  private readonly racing = new Map<string, Step[]>();
  private readonly unsubscribe: () => void;

  constructor(private readonly queryClient: QueryClient) {
    this.unsubscribe = queryClient.getQueryCache().subscribe((cacheEvent) => {
      if (cacheEvent.type !== 'updated') return;
      const { action, query } = cacheEvent;
      const steps = this.racing.get(query.queryHash);
      if (!steps) return;
      if (action.type === 'success' && !action.manual) {
        this.racing.delete(query.queryHash);
        this.write(query.queryKey, steps);
      } else if (action.type === 'error') {
        this.racing.delete(query.queryHash);
      }
    });
  }

  /**
   * Applies a batch in order, writing each cache it concerns once: a bulk action on a big room
   * brings a thousand events for the same participants list, and each write copies and compares
   * the whole list and notifies its observers.
   */
  applyAll(events: readonly LiveEvent[]): void {
    const writes = new Map<string, { queryKey: readonly unknown[]; steps: Step[] }>();
    for (const event of events) {
      for (const { queryKey, patch } of targets(event)) {
        const hash = hashKey(queryKey);
        let write = writes.get(hash);
        if (!write) writes.set(hash, (write = { queryKey, steps: [] }));
        write.steps.push({ patch, event });
      }
    }
    for (const { queryKey, steps } of writes.values()) {
      const query = this.queryClient.getQueryCache().find({ queryKey, exact: true });
      if (!query) continue;
      if (query.state.fetchStatus === 'fetching') {
        this.racing.set(query.queryHash, [...(this.racing.get(query.queryHash) ?? []), ...steps]);
      }
      this.write(queryKey, steps);
    }
  }

  /** One cache write for every step: one copy of the list, one notification of its observers. */
  private write(queryKey: readonly unknown[], steps: readonly Step[]): void {
    this.queryClient.setQueryData(queryKey, (data: unknown) =>
      steps.reduce((current, step) => step.patch(current, step.event), data),
    );
  }

  dispose(): void {
    this.unsubscribe();
    this.racing.clear();
  }
}
