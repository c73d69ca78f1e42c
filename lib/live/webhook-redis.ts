import 'server-only';

import { Redis } from 'ioredis';

import { liveEnv } from './live-env';
import { processSingleton } from './process-singleton';

/** Key prefix of everything the webhook receiver shares through Redis. */
export const WEBHOOK_REDIS_PREFIX = 'moderato:webhooks';

/**
 * The webhook receiver's own Redis connection (null without REDIS_URL). No offline queue and a short
 * command timeout: while Redis is down or slow a command fails at once and the receiver falls back to
 * this instance's memory, so a delivery never waits on Redis (LiveKit would retry it).
 */
export function webhookRedis(): Redis | null {
  return processSingleton('live.webhookRedis', () => {
    const { REDIS_URL } = liveEnv();
    return REDIS_URL ? connectWebhookRedis(REDIS_URL) : null;
  });
}

export function connectWebhookRedis(url: string): Redis {
  const client = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: 2000,
    commandTimeout: 250,
  });
  let lastWarning = 0;
  client.on('error', (err: Error) => {
    // Reconnects retry forever; one line a minute is enough to tell the operator.
    if (Date.now() - lastWarning < 60_000) return;
    lastWarning = Date.now();
    console.warn(`[moderato] webhooks: Redis unavailable (${err.message}); using this instance`);
  });
  return client;
}
