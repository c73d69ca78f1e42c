import { hashKey, type InfiniteData, type Query, type QueryClient } from '@tanstack/react-query';

import type { ParticipantDto, RoomDto, TrackDto } from '@/lib/contracts/dto';
import type { RoomEventDto, RoomEventPageDto } from '@/lib/contracts/history';
import type { LiveEvent } from '@/lib/contracts/live-events';
import { toTimelineEntry } from '@/lib/contracts/timeline-entry';
import { historyKeys, roomKeys } from '@/lib/queries/keys';

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

/**
 * A live timeline, newest first: each event's entry (the one the server records, so the stored
 * entry that later replaces it reads the same) goes on top unless the timeline has it already.
 * A room's count changes are not activity. One copy of the first page for the whole batch: a
 * bulk run brings a thousand entries at once.
 */
export function patchTimeline(
  data: InfiniteData<RoomEventPageDto, string | null> | undefined,
  events: readonly LiveEvent[],
): InfiniteData<RoomEventPageDto, string | null> | undefined {
  if (!data || data.pages.length === 0) return data;
  let known: Set<string> | undefined;
  const fresh: RoomEventDto[] = [];
  for (const event of events) {
    if (event.type === 'room.updated') continue;
    const entry = toTimelineEntry(event);
    if (!entry) continue;
    known ??= new Set(data.pages.flatMap((page) => page.events.map((e) => e.id)));
    if (known.has(entry.id)) continue;
    known.add(entry.id);
    fresh.unshift(entry);
  }
  if (fresh.length === 0) return data;
  const [head, ...rest] = data.pages;
  return { ...data, pages: [{ ...head!, events: [...fresh, ...head!.events] }, ...rest] };
}

/** Marks a timeline query the stream keeps current (`meta`), as opposed to an ended session's. */
export const LIVE_TIMELINE_META = { liveTimeline: true } as const;

/** A batch of events applied to one cached value. */
type Patch = (data: unknown, events: readonly LiveEvent[]) => unknown;

/** A one-event patch applied to a batch in order. */
const eachEvent =
  <T>(patch: (data: T, event: LiveEvent) => T): Patch =>
  (data, events) =>
    events.reduce((current, event) => patch(current, event), data as T);

const PATCH_ROOM_LIST = eachEvent(patchRoomList);
const PATCH_ROOM_DETAIL = eachEvent(patchRoomDetail);
const PATCH_PARTICIPANTS = eachEvent(patchParticipants);
const PATCH_TIMELINE = patchTimeline as Patch;

type Target = {
  queryKey: readonly unknown[];
  patch: Patch;
  /** False for a key prefix: every live timeline cached under it. */
  exact: boolean;
};

const isLiveTimeline = (query: Query) => query.meta?.liveTimeline === true;

/** The caches one event concerns, with the patch of each. */
function targets(event: LiveEvent): Target[] {
  // Every event may be activity (moderator actions and bulk runs included).
  const found: Target[] = [
    { queryKey: historyKeys.roomEvents(event.roomName), patch: PATCH_TIMELINE, exact: false },
  ];
  if (event.type === 'moderation.action' || event.type.startsWith('bulk.')) return found;
  if (event.type.startsWith('room.')) {
    found.push(
      { queryKey: roomKeys.list(), patch: PATCH_ROOM_LIST, exact: true },
      { queryKey: roomKeys.detail(event.roomName), patch: PATCH_ROOM_DETAIL, exact: true },
    );
  }
  if (event.type !== 'room.started' && event.type !== 'room.updated') {
    found.push({
      queryKey: roomKeys.participants(event.roomName),
      patch: PATCH_PARTICIPANTS,
      exact: true,
    });
  }
  return found;
}

/** The events to apply to one query, in order, with its patch. */
type Write = { query: Query; patch: Patch; events: LiveEvent[] };

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
  /** Query hash → the events applied while its fetch was in flight, to apply again on its answer. */
  private readonly racing = new Map<string, Write>();
  private readonly unsubscribe: () => void;

  constructor(private readonly queryClient: QueryClient) {
    this.unsubscribe = queryClient.getQueryCache().subscribe((cacheEvent) => {
      if (cacheEvent.type !== 'updated') return;
      const { action, query } = cacheEvent;
      const raced = this.racing.get(query.queryHash);
      if (!raced) return;
      if (action.type === 'success' && !action.manual) {
        this.racing.delete(query.queryHash);
        this.write(raced);
      } else if (action.type === 'error') {
        this.racing.delete(query.queryHash);
      }
    });
  }

  /**
   * Applies a batch in order, writing each cache it concerns once: a bulk action on a big room
   * brings a thousand events for the same participants list, and each write copies and compares
   * the whole list and notifies its observers. A query that is still fetching, even its first
   * time with nothing to patch yet, gets the events again on its answer.
   */
  applyAll(events: readonly LiveEvent[]): void {
    const writes = new Map<string, Write>();
    // Each target's queries are looked up once per batch: a cache search walks every query.
    const found = new Map<string, Query[]>();
    for (const event of events) {
      for (const target of targets(event)) {
        const hash = `${target.exact ? '=' : '^'}${hashKey(target.queryKey)}`;
        let queries = found.get(hash);
        if (!queries) found.set(hash, (queries = this.queriesOf(target)));
        for (const query of queries) {
          let write = writes.get(query.queryHash);
          if (!write)
            writes.set(query.queryHash, (write = { query, patch: target.patch, events: [] }));
          write.events.push(event);
        }
      }
    }
    for (const write of writes.values()) {
      const { query } = write;
      if (query.state.fetchStatus === 'fetching') {
        const raced = this.racing.get(query.queryHash);
        this.racing.set(
          query.queryHash,
          raced ? { ...raced, events: [...raced.events, ...write.events] } : write,
        );
      }
      this.write(write);
    }
  }

  private queriesOf({ queryKey, exact }: Target): Query[] {
    const cache = this.queryClient.getQueryCache();
    if (!exact) return cache.findAll({ queryKey, predicate: isLiveTimeline });
    const query = cache.get(hashKey(queryKey));
    return query ? [query] : [];
  }

  /** One cache write for the batch: one copy of the list, one notification of its observers. */
  private write({ query, patch, events }: Write): void {
    this.queryClient.setQueryData(query.queryKey, (data: unknown) => patch(data, events));
  }

  dispose(): void {
    this.unsubscribe();
    this.racing.clear();
  }
}
