import 'server-only';

import { processSingleton } from './process-singleton';
import type { SseClient } from './sse-client';

/**
 * Every live stream this process is serving. A stream never ends on its own, and Node's HTTP
 * server waits for open responses before it closes, so shutting down must end them (shutdown.ts).
 */
export function openStreams(): Set<SseClient> {
  return processSingleton('live.openStreams', () => new Set<SseClient>());
}

/** Keeps `client` in the set while it is open. */
export function trackStream(client: SseClient): void {
  const streams = openStreams();
  streams.add(client);
  client.onClosed(() => streams.delete(client));
}
