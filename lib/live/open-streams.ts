import 'server-only';

import { processSingleton } from './process-singleton';
import type { SseClient } from './sse-client';
import { collectGarbage, StreamMemoryReducer } from './stream-memory';

/**
 * Every live stream this process is serving. A stream never ends on its own, and Node's HTTP
 * server waits for open responses before it closes, so shutting down must end them (shutdown.ts).
 */
export function openStreams(): Set<SseClient> {
  return processSingleton('live.openStreams', () => new Set<SseClient>());
}

/**
 * From shutdown on (shutdown.ts), no stream is opened any more. A browser's EventSource
 * reconnects at once over a keep-alive connection that Node's `server.close()` leaves open while
 * it is in use, so a stream opened then would hold the closing server open for good.
 */
export function stopOpeningStreams(): void {
  streamState().stopped = true;
}

export function streamsStopped(): boolean {
  return streamState().stopped;
}

function streamState(): { stopped: boolean } {
  return processSingleton('live.streamState', () => ({ stopped: false }));
}

/** Keeps `client` in the set while it is open. */
export function trackStream(client: SseClient): void {
  const streams = openStreams();
  const memory = processSingleton(
    'live.streamMemory',
    () => new StreamMemoryReducer(collectGarbage),
  );
  streams.add(client);
  memory.opened();
  client.onClosed(() => {
    streams.delete(client);
    memory.closed();
  });
}
