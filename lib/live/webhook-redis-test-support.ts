import 'server-only';

import { randomBytes } from 'node:crypto';

import { Redis } from 'ioredis';

/**
 * Test support: the Redis the webhook tests share state through. Present when TEST_REDIS_URL is
 * set (or CI's TEST_REQUIRE_REDIS=1, then at the default address); a Redis that is asked for but
 * does not answer fails the run rather than leaving the shared paths untested.
 */
export const TEST_REDIS_URL =
  process.env.TEST_REDIS_URL?.trim() ||
  (process.env.TEST_REQUIRE_REDIS === '1' ? 'redis://127.0.0.1:6379' : undefined);

/** A unique key prefix per run, so parallel runs and leftovers of a crashed one never meet. */
export function testPrefix(): string {
  return `moderato-test:webhooks:${randomBytes(6).toString('hex')}`;
}

/** A client like the receiver's own (lib/live/webhook-redis.ts), connected before use. */
export async function connectTestRedis(url: string): Promise<Redis> {
  const client = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: 1500,
    commandTimeout: 250,
  });
  client.on('error', () => {});
  await client.connect();
  return client;
}

/** Deletes every key under the prefix and disconnects. */
export async function dropTestKeys(client: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
    if (keys.length > 0) await client.del(...keys);
    cursor = next;
  } while (cursor !== '0');
  client.disconnect();
}
