import 'server-only';

import { randomBytes } from 'node:crypto';

import { Redis } from 'ioredis';

import { createThrottleStore, type ThrottleStore } from './throttle-store';

/**
 * Test helper: the throttle stores a suite runs against. Memory always; Redis too when it answers
 * at TEST_REDIS_URL (default redis://127.0.0.1:6379). CI sets TEST_REQUIRE_REDIS=1: then a Redis
 * that does not answer fails the run instead of leaving the shared store untested.
 */
export interface TestThrottleStore {
  kind: 'memory' | 'redis';
  /**
   * A fresh store under its own key prefix; the same `shared` name gives another handle on the
   * same keys (a second dashboard instance — only Redis is shared between processes).
   */
  create(windowSeconds: number, shared?: string): ThrottleStore;
  /** Keys this run left in Redis (to prove the store is really shared there). */
  keys(): Promise<string[]>;
  /** Deletes every key of this run and disconnects. */
  destroy(): Promise<void>;
}

const REDIS_URL = process.env.TEST_REDIS_URL?.trim() || 'redis://127.0.0.1:6379';

async function connect(): Promise<Redis | null> {
  const client = new Redis(REDIS_URL, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: 1500,
    retryStrategy: () => null,
  });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.ping();
    return client;
  } catch (err) {
    client.disconnect();
    if (process.env.TEST_REQUIRE_REDIS === '1') {
      throw new Error(`TEST_REQUIRE_REDIS=1 but Redis at ${REDIS_URL} does not answer: ${err}`);
    }
    return null;
  }
}

function memoryStore(): TestThrottleStore {
  return {
    kind: 'memory',
    create: (windowSeconds) => createThrottleStore({ keyPrefix: 'test', windowSeconds }),
    keys: async () => [],
    destroy: async () => {},
  };
}

function redisStore(client: Redis): TestThrottleStore {
  // Unique per run, so parallel runs and leftovers of a crashed one never meet.
  const prefix = `moderato-test:${randomBytes(6).toString('hex')}`;
  let count = 0;
  const keys = async () => {
    const found: string[] = [];
    let cursor = '0';
    do {
      const [next, batch] = await client.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      found.push(...batch);
      cursor = next;
    } while (cursor !== '0');
    return found;
  };
  return {
    kind: 'redis',
    create: (windowSeconds, shared) =>
      createThrottleStore({
        keyPrefix: `${prefix}:${shared ?? ++count}`,
        windowSeconds,
        redis: client,
      }),
    keys,
    async destroy() {
      const left = await keys();
      if (left.length > 0) await client.del(...left);
      client.disconnect();
    },
  };
}

/** Call at module level: `describe.each(await testThrottleStores())`. */
export async function testThrottleStores(): Promise<TestThrottleStore[]> {
  const client = await connect();
  return client ? [memoryStore(), redisStore(client)] : [memoryStore()];
}
