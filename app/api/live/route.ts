// /api/live – the Server-Sent Events stream of live room events (lib/live/sse-stream.ts)
import { resolveCaller } from '@/lib/callers/resolve-caller';
import { actorCan, type Actor } from '@/lib/domain/actor';
import { DomainError } from '@/lib/domain/errors';
import { visibleRoom } from '@/lib/domain/policy';
import { errorResponse } from '@/lib/http/respond';
import { liveBus } from '@/lib/live/hub';
import { liveEnv } from '@/lib/live/live-env';
import { replayBuffer } from '@/lib/live/replay-buffer';
import { roomBaseline } from '@/lib/live/room-baseline';
import { openLiveStream } from '@/lib/live/sse-stream';
import { STREAM_PERMISSION } from '@/lib/live/stream-filter';
import { watchedRooms } from '@/lib/live/watched-rooms';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export async function GET(request: Request): Promise<Response> {
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
  return openLiveStream({
    actor,
    request,
    buffer: replayBuffer(bus),
    instanceId: bus.instanceId,
    reconcileMs: env.MODERATO_RECONCILE_MS,
    heartbeatMs: env.MODERATO_LIVE_HEARTBEAT_MS,
    maxQueuedBytes: env.MODERATO_LIVE_CLIENT_QUEUE_BYTES,
    watchRoom: watchVisibleRoom,
  });
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
