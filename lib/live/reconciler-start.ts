import 'server-only';

import { Redis } from 'ioredis';

import { rememberRoomListing } from '@/lib/domain/rooms/room-directory';
import { listParticipants, listRooms } from '@/lib/livekit/room-service';

import type { LiveBus } from './bus';
import { knownState } from './known-state';
import { redisLeadership, soleLeadership } from './leader';
import { liveEnv } from './live-env';
import { processSingleton } from './process-singleton';
import { Reconciler } from './reconciler';
import { watchedRooms } from './watched-rooms';
import { webhookHealth } from './webhook-health';

/** The lease outlives three intervals: one slow tick does not hand leadership over. */
export const LEASE_INTERVALS = 3;

/** This process's reconciliation loop (the leader's publishes; the others wait their turn). */
export function reconciler(bus: LiveBus): Reconciler {
  return processSingleton('live.reconciler', () => {
    const { REDIS_URL, MODERATO_RECONCILE_MS } = liveEnv();
    let leadership = soleLeadership;
    if (REDIS_URL) {
      const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1, connectTimeout: 2000 });
      redis.on('error', () => {});
      leadership = redisLeadership(redis, bus.instanceId, LEASE_INTERVALS * MODERATO_RECONCILE_MS);
    }
    return new Reconciler({
      bus,
      known: knownState(),
      source: { listRooms: listRoomsForDirectory, listParticipants },
      watched: watchedRooms(),
      leadership,
      health: webhookHealth(),
      intervalMs: MODERATO_RECONCILE_MS,
    });
  });
}

/** ListRooms whose listings of every room also serve scope checks (room-directory.ts). */
async function listRoomsForDirectory(names?: string[]) {
  const askedAtMs = Date.now();
  const rooms = await listRooms(names);
  if (!names) rememberRoomListing(rooms, askedAtMs);
  return rooms;
}

/** Started from start.ts. */
export function startReconciler(bus: LiveBus): void {
  reconciler(bus).start();
}
