import 'server-only';

import { Redis } from 'ioredis';

/** What one instance tells the others: forget this session, or every session of this user. */
export type Revocation = { sessionId: string } | { userId: string };

export const REVOCATION_CHANNEL = 'moderato:sessions:revoked';

/** How long a publish may hold up the revoking request before the cache TTL is relied on. */
const PUBLISH_TIMEOUT_MS = 500;

export interface RevocationBus {
  /** Never throws: the store is the truth, the broadcast only makes other caches forget sooner. */
  publish(revocation: Revocation): Promise<void>;
  close(): Promise<void>;
}

export interface RevocationHandlers {
  onRevocation(revocation: Revocation): void;
  /**
   * The subscription (re)connected: messages sent while it was down are lost, so caches should
   * forget everything rather than trust entries older than the outage.
   */
  onResubscribed(): void;
}

function parseRevocation(text: string): Revocation | null {
  try {
    const value = JSON.parse(text) as Record<string, unknown>;
    if (typeof value.sessionId === 'string') return { sessionId: value.sessionId };
    if (typeof value.userId === 'string') return { userId: value.userId };
  } catch {
    // Not ours or garbled: ignored below.
  }
  return null;
}

/**
 * Redis pub/sub for revocations, so a sign-out on one instance ends the session on all of them
 * within milliseconds instead of within the cache TTL. Two connections: a subscribed one can do
 * nothing else. Connection errors are logged once per outage, never thrown into requests.
 */
export function connectRevocationBus(url: string, handlers: RevocationHandlers): RevocationBus {
  const options = { maxRetriesPerRequest: 1, connectTimeout: 2000 };
  const publisher = new Redis(url, options);
  const subscriber = new Redis(url, options);
  let warned = false;
  const warn = (err: Error) => {
    if (warned) return;
    warned = true;
    console.warn(`[sessions] Redis unavailable, relying on the cache TTL: ${err.message}`);
  };
  publisher.on('error', warn);
  subscriber.on('error', warn);
  subscriber.on('ready', () => {
    warned = false;
    handlers.onResubscribed();
  });
  subscriber.on('message', (channel: string, text: string) => {
    if (channel !== REVOCATION_CHANNEL) return;
    const revocation = parseRevocation(text);
    if (revocation) handlers.onRevocation(revocation);
  });
  // Queued until connected; ioredis subscribes again by itself after a reconnect.
  subscriber.subscribe(REVOCATION_CHANNEL).catch(warn);

  return {
    async publish(revocation) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, PUBLISH_TIMEOUT_MS);
      });
      const sent = publisher
        .publish(REVOCATION_CHANNEL, JSON.stringify(revocation))
        .then(() => undefined, warn);
      await Promise.race([sent, timeout]);
      clearTimeout(timer);
    },
    async close() {
      publisher.disconnect();
      subscriber.disconnect();
    },
  };
}
