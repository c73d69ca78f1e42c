import 'server-only';

import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';

import { Redis } from 'ioredis';
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';

/**
 * Where sign-in throttling keeps its counters: Redis when REDIS_URL is set (every instance sees
 * the same counts and they survive restarts), process memory otherwise.
 */
export interface ThrottleStore {
  /** Adds `points` (negative: refunds) to a counter living `windowSeconds` from its first use. */
  add(key: string, points: number): Promise<number>;
  /**
   * Passes once per `seconds` per key: the first call opens a gate that stays shut for `seconds`
   * and answers later calls with the ms left. Atomic, so parallel attempts cannot all slip through.
   */
  pass(key: string, seconds: number): Promise<{ ok: true } | { ok: false; msLeft: number }>;
  delete(key: string): Promise<void>;
}

export interface ThrottleStoreOptions {
  keyPrefix: string;
  windowSeconds: number;
  /** An ioredis client; omitted = memory. */
  redis?: Redis;
}

// `points` only matters to consume(): counters use add/penalty, gates let one call through.
const COUNTER_POINTS = 1_000_000_000;

function limiters(options: ThrottleStoreOptions): {
  counts: RateLimiterAbstract;
  gates: RateLimiterAbstract;
} {
  const counts = {
    keyPrefix: `${options.keyPrefix}:n`,
    points: COUNTER_POINTS,
    duration: options.windowSeconds,
  };
  const gates = { keyPrefix: `${options.keyPrefix}:g`, points: 1, duration: 1 };
  if (!options.redis) {
    return { counts: new RateLimiterMemory(counts), gates: new RateLimiterMemory(gates) };
  }
  const redis = options.redis;
  // If Redis is down, each instance throttles on its own rather than letting nobody sign in.
  const shared = (opts: typeof counts) =>
    new RateLimiterRedis({
      ...opts,
      storeClient: redis,
      rejectIfRedisNotReady: true,
      insuranceLimiter: new RateLimiterMemory(opts),
    });
  return { counts: shared(counts), gates: shared(gates) };
}

/**
 * The first sign-ins after start must not fall back to memory just because the connection is
 * still being set up; a Redis that is down (reconnecting) is not waited for.
 */
async function connected(redis: Redis | undefined): Promise<void> {
  if (!redis || !['wait', 'connecting', 'connect'].includes(redis.status)) return;
  if (redis.status === 'wait') redis.connect().catch(() => {});
  await Promise.race([once(redis, 'ready'), sleep(1000)]).catch(() => {});
}

export function createThrottleStore(options: ThrottleStoreOptions): ThrottleStore {
  const { counts, gates } = limiters(options);
  return {
    async add(key, points) {
      await connected(options.redis);
      const res =
        points >= 0 ? await counts.penalty(key, points) : await counts.reward(key, -points);
      return Math.max(0, res.consumedPoints);
    },
    async pass(key, seconds) {
      await connected(options.redis);
      try {
        await gates.consume(key, 1, { customDuration: seconds });
        return { ok: true };
      } catch (err) {
        // consume() rejects with a RateLimiterRes when the gate is shut, with an Error otherwise.
        if (err instanceof RateLimiterRes)
          return { ok: false, msLeft: Math.max(1, err.msBeforeNext) };
        throw err;
      }
    },
    async delete(key) {
      await Promise.all([counts.delete(key), gates.delete(key)]);
    },
  };
}

type Holder = typeof globalThis & { __moderatoThrottleRedis?: { url: string; client: Redis } };
const holder = globalThis as Holder;

/**
 * One ioredis connection per process for throttling. No offline queue: while Redis is down calls
 * fail at once and the memory insurance answers, instead of sign-ins waiting on a reconnect.
 */
export function throttleRedis(url: string): Redis {
  if (holder.__moderatoThrottleRedis?.url === url) return holder.__moderatoThrottleRedis.client;
  const client = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
  });
  let lastWarning = 0;
  client.on('error', (err: Error) => {
    // Reconnects retry forever; one line a minute is enough to tell the operator.
    if (Date.now() - lastWarning < 60_000) return;
    lastWarning = Date.now();
    console.warn(
      `[moderato] sign-in throttling: Redis unavailable (${err.message}); counting in memory`,
    );
  });
  holder.__moderatoThrottleRedis = { url, client };
  return client;
}
