import 'server-only';

import { z } from 'zod';

import { STREAM_CONTROL } from '@/lib/contracts/live-events';
import type { Actor } from '@/lib/domain/actor';
import { roomNameSchema } from '@/lib/schemas/rooms';

import type { ReplayBuffer } from './replay-buffer';
import { trackStream } from './open-streams';
import { SseClient } from './sse-client';
import { controlFrame, eventFrame, HEARTBEAT_FRAME } from './sse-format';
import { deliveryFor } from './stream-filter';

/** What the browser is told on every connection (`event: hello`). */
export interface HelloMessage {
  instanceId: string;
  /** How often reconciliation runs: the longest a change missed by webhooks stays unseen. */
  reconcileMs: number;
  heartbeatMs: number;
  /** True when the stream resumed from the Last-Event-ID given: nothing was missed. */
  resumed: boolean;
}

export interface LiveStreamOptions {
  actor: Actor;
  /** Read for `watch`, `lastEventId` and the `Last-Event-ID` header (and, by the route, its abort). */
  request: Request;
  buffer: ReplayBuffer;
  instanceId: string;
  reconcileMs: number;
  heartbeatMs: number;
  /** Per-client cap on bytes waiting to be sent (back-pressure). */
  maxQueuedBytes: number;
  /**
   * Marks `roomName` watched (so reconciliation lists its participants) if the actor may see it,
   * once its participants are in the known state (lib/live/room-baseline.ts); returns the
   * release, or null when the room is not watched. Errors are the caller's to swallow. The stream
   * then says `watching`, so the browser refetches what it fetched before that.
   */
  watchRoom?: (actor: Actor, roomName: string) => Promise<(() => void) | null>;
}

/** How long EventSource waits before reconnecting after the stream ends (the `retry:` hint). */
export const RECONNECT_HINT_MS = 1000;

/** `Last-Event-ID`: bus ids are `<hex instance>-<sequence>`; anything else cannot be in the buffer. */
const lastEventIdSchema = z.string().max(128);

export const liveQuerySchema = z.object({
  watch: roomNameSchema.optional().catch(undefined),
  lastEventId: lastEventIdSchema.optional().catch(undefined),
});

/** The response headers of every stream, whichever door serves it. */
export const LIVE_STREAM_HEADERS: Readonly<Record<string, string>> = {
  'Content-Type': 'text/event-stream; charset=utf-8',
  // no-transform: Next's (and any proxy's) compression must not buffer the stream.
  'Cache-Control': 'no-cache, no-transform',
  'X-Accel-Buffering': 'no',
};

/**
 * The queue of one browser tab's stream, whichever door serves it: past its allowance the browser
 * is told `reset` (it refetches what it shows) instead of being dropped (lib/live/sse-client.ts).
 */
export function liveStreamClient(maxQueuedBytes: number): SseClient {
  return new SseClient(maxQueuedBytes, controlFrame(STREAM_CONTROL.reset, {}));
}

/**
 * The SSE response of one browser tab as a web `Response` (the route, app/api/live/route.ts): the
 * stream of `feedLiveStream` over a pull stream with no internal buffer (highWaterMark 0), so a
 * chunk moves into it only when Next's pipe asks for one, once the socket has drained.
 */
export function openLiveStream(options: LiveStreamOptions): Response {
  const { request } = options;
  const client = liveStreamClient(options.maxQueuedBytes);
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const stream = new ReadableStream<Uint8Array>(
    {
      start: (c) => {
        controller = c;
      },
      pull: () => client.drained(),
      cancel: () => client.close('disconnected'),
    },
    { highWaterMark: 0 },
  );
  client.attach(
    {
      write: (chunk) => {
        controller.enqueue(chunk);
        return false;
      },
      end: () => controller.close(),
    },
    false,
  );
  const onAbort = () => client.close('disconnected');
  client.onClosed(() => request.signal.removeEventListener('abort', onAbort));
  if (request.signal.aborted) client.close('disconnected');
  else request.signal.addEventListener('abort', onAbort);
  feedLiveStream(client, options);
  return new Response(stream, { headers: LIVE_STREAM_HEADERS });
}

/**
 * What one browser tab's stream says, whatever carries it. Synchronously, in this order: `hello`,
 * then either the events missed since `Last-Event-ID` (from the replay buffer) or `reset` when that
 * id is gone, then every new event — subscribing and reading the buffer happen in the same tick, so
 * nothing falls between them. Every event passes the actor's filter (lib/live/stream-filter.ts).
 * The request is read here and not kept: everything held until the stream closes is per client.
 */
export function feedLiveStream(client: SseClient, options: LiveStreamOptions): void {
  const { actor, request, buffer, maxQueuedBytes } = options;
  if (client.isClosed) return;
  const url = new URL(request.url);
  const query = liveQuerySchema.parse({
    watch: url.searchParams.get('watch') ?? undefined,
    lastEventId: url.searchParams.get('lastEventId') ?? undefined,
  });
  const headerId = lastEventIdSchema.safeParse(request.headers.get('last-event-id') ?? undefined);
  // The header wins: EventSource sends it on its own reconnects, newer than the URL's.
  const lastEventId = (headerId.success && headerId.data) || query.lastEventId || undefined;

  trackStream(client);
  const missed = lastEventId ? buffer.since(lastEventId) : null;
  const frames = missed?.flatMap((entry) => {
    const event = deliveryFor(actor, entry);
    return event ? [eventFrame(event)] : [];
  });
  const replayBytes = frames?.reduce((sum, f) => sum + f.byteLength, 0) ?? 0;
  // A backlog bigger than half the cap would only overflow again: start over instead.
  const resumed = frames !== undefined && replayBytes <= maxQueuedBytes / 2;

  const hello: HelloMessage = {
    instanceId: options.instanceId,
    reconcileMs: options.reconcileMs,
    heartbeatMs: options.heartbeatMs,
    resumed,
  };
  client.send(controlFrame(STREAM_CONTROL.hello, hello, RECONNECT_HINT_MS));
  if (resumed) for (const frame of frames) client.send(frame);
  else if (lastEventId) client.send(controlFrame(STREAM_CONTROL.reset, {}));

  const unsubscribe = buffer.subscribe((entry) => {
    const event = deliveryFor(actor, entry);
    if (event) client.send(eventFrame(event));
  });
  const heartbeat = setInterval(() => client.send(HEARTBEAT_FRAME), options.heartbeatMs);
  heartbeat.unref?.();
  // Credentials that expire (an embed session) end the stream with them; the client reconnects
  // with the renewed ones, and is refused if there are none.
  const expiry =
    actor.expiresAtMs === undefined
      ? undefined
      : setTimeout(() => client.close('server'), Math.max(0, actor.expiresAtMs - Date.now()));
  expiry?.unref?.();

  let releaseWatch: (() => void) | null = null;
  client.onClosed(() => {
    unsubscribe();
    clearInterval(heartbeat);
    clearTimeout(expiry);
    releaseWatch?.();
    releaseWatch = null;
  });

  if (query.watch && options.watchRoom && !client.isClosed) {
    const roomName = query.watch;
    options.watchRoom(actor, roomName).then(
      (release) => {
        if (!release) return;
        if (client.isClosed) release();
        else {
          releaseWatch = release;
          client.send(controlFrame(STREAM_CONTROL.watching, { roomName }));
        }
      },
      // A room that cannot be checked (LiveKit down, not the actor's) is simply not watched: the
      // stream says nothing about it either way, so it reveals nothing.
      () => {},
    );
  }
}
