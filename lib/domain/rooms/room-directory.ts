import 'server-only';

import type { RoomDto } from '@/lib/contracts/dto';
import { env } from '@/lib/env';
import * as livekit from '@/lib/livekit/room-service';

import { tenantOf } from '../tenant';

/**
 * Room lookups for scope checks. LiveKit has no GetRoom, so each check is a ListRooms with a name
 * filter; an action burst on one room (a moderator muting several tracks, a bulk run) would repeat
 * it for every call. Answers are reused for MODERATO_ROOM_CACHE_MS (default 2 s), concurrent
 * lookups of one room share one request, and reconciliation's listings of every room fill the
 * cache too (rememberRoomListing). Safe because: our own writes that change a room's
 * existence or tenant (create, delete, metadata) invalidate the entry at once; a change made
 * elsewhere is seen at most that long after; and a cached "exists" never makes LiveKit skip its own
 * checks — the call that follows still fails with not_found when the room is gone.
 */
interface Entry {
  at: number;
  room: Promise<RoomDto | null>;
}

// On globalThis: Next bundles routes and actions separately, and they must share one cache.
const holder = globalThis as typeof globalThis & {
  __moderatoRooms?: Map<string, Entry>;
  __moderatoForgotten?: Map<string, number>;
};
const cache = (holder.__moderatoRooms ??= new Map<string, Entry>());
/** When each room was last forgotten after our own write: older listings must not restore it. */
const forgotten = (holder.__moderatoForgotten ??= new Map<string, number>());

/** A LiveKit room as the domain sees it: with its tenant, which is a domain rule (tenant.ts). */
export function withTenantOf(room: Omit<RoomDto, 'tenant'>): RoomDto {
  return { ...room, tenant: tenantOf(room.metadata) };
}

export async function findRoom(roomName: string, options: { fresh?: boolean } = {}) {
  const ttl = env().MODERATO_ROOM_CACHE_MS;
  const now = Date.now();
  const hit = cache.get(roomName);
  if (!options.fresh && ttl > 0 && hit && now - hit.at < ttl) return hit.room;
  const room = livekit
    .listRooms([roomName])
    .then(([found]) => (found ? withTenantOf(found) : null));
  cache.set(roomName, { at: now, room });
  // A failed lookup is not remembered: the next call asks again.
  room.catch(() => cache.delete(roomName));
  bound(cache);
  return room;
}

/** After our own write to a room: the next scope check asks LiveKit again. */
export function forgetRoom(roomName: string): void {
  cache.delete(roomName);
  forgotten.set(roomName, Date.now());
  bound(forgotten);
}

/**
 * A ListRooms of every room that someone else made, asked at `askedAtMs`: reconciliation lists
 * them all on each tick anyway, so its answer serves the next scope checks and an action seldom
 * waits for a lookup of its own. Each entry is dated when the listing was asked, so it is never
 * fresher than our own lookup would have been. A listing asked before our own write to a room, or
 * older than what is cached, changes nothing for that room; a cached room the listing lacks is
 * forgotten (it may have finished), never assumed missing.
 */
export function rememberRoomListing(
  rooms: readonly Omit<RoomDto, 'tenant'>[],
  askedAtMs: number,
): void {
  const listed = new Set<string>();
  for (const room of rooms) {
    listed.add(room.name);
    const hit = cache.get(room.name);
    if ((forgotten.get(room.name) ?? -Infinity) >= askedAtMs) continue;
    if (hit && hit.at >= askedAtMs) continue;
    cache.set(room.name, { at: askedAtMs, room: Promise.resolve(withTenantOf(room)) });
  }
  for (const [name, hit] of cache) {
    if (!listed.has(name) && hit.at < askedAtMs) cache.delete(name);
  }
  bound(cache);
}

function bound(map: Map<string, unknown>): void {
  while (map.size > 10_000) map.delete(map.keys().next().value as string);
}
