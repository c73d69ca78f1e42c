import 'server-only';

import { resolveCaller } from '@/lib/callers/resolve-caller';
import { actorCan, type Actor } from '@/lib/domain/actor';
import { DomainError } from '@/lib/domain/errors';
import { visibleRoom } from '@/lib/domain/policy';
import { errorResponse } from '@/lib/http/respond';

import { liveBus } from './hub';
import { liveEnv } from './live-env';
import { streamsStopped } from './open-streams';
import { replayBuffer } from './replay-buffer';
import { roomBaseline } from './room-baseline';
import type { LiveStreamOptions } from './sse-stream';
import { STREAM_PERMISSION } from './stream-filter';
import { watchedRooms } from './watched-rooms';

/**
 * Who may open GET /api/live, and with what: the one decision behind both doors of the stream
 * (the route, app/api/live/route.ts, and the Node door, lib/live/live-node-door.ts). The caller
 * is resolved like on every route (session cookie, embed session or API key), and must be allowed
 * to list rooms; a refusal is the API's `{ error }` JSON (401, 403, 429 for a throttled key, 503
 * while this instance shuts down: `Connection: close` sends the browser's retry to a new
 * connection, which the load balancer gives to an instance still running).
 */
export async function admitLiveStream(request: Request): Promise<Response | LiveStreamOptions> {
  if (streamsStopped()) {
    return errorResponse(
      new DomainError('shutting_down', 'This instance is shutting down; reconnect.', {
        retryAfterSeconds: 1,
      }),
      { Connection: 'close' },
    );
  }
  let actor: Actor | null;
  try {
    actor = await resolveCaller({ request, source: 'ui' });
  } catch (err) {
    return errorResponse(err);
  }
  if (!actor) {
    return errorResponse(new DomainError('unauthenticated', 'Sign in to follow live events.'));
  }
  if (!actorCan(actor, STREAM_PERMISSION)) {
    return errorResponse(new DomainError('forbidden', 'You are not allowed to see rooms.'));
  }

  const env = liveEnv();
  const bus = liveBus();
  return {
    actor,
    request,
    buffer: replayBuffer(bus),
    instanceId: bus.instanceId,
    reconcileMs: env.MODERATO_RECONCILE_MS,
    heartbeatMs: env.MODERATO_LIVE_HEARTBEAT_MS,
    maxQueuedBytes: env.MODERATO_LIVE_CLIENT_QUEUE_BYTES,
    watchRoom: watchVisibleRoom,
  };
}

/**
 * Watches a room only if the actor may see it (same check, same masking as the REST routes), once
 * its participants are in the known state (lib/live/room-baseline.ts). A listing that fails
 * (LiveKit down) still watches: reconciliation lists the room when LiveKit answers again.
 */
async function watchVisibleRoom(actor: Actor, roomName: string) {
  await visibleRoom(actor, roomName);
  const release = watchedRooms().watch(roomName);
  await roomBaseline(liveBus())
    .list(roomName)
    .catch(() => undefined);
  return release;
}
