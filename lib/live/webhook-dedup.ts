import 'server-only';

import type { Redis } from 'ioredis';

import { WEBHOOK_REDIS_PREFIX } from './webhook-redis';

/**
 * How long an event id is remembered. Longer than the receiver's replay bound (an event older than
 * 5 minutes is refused anyway, lib/livekit/webhooks.ts), so every id still acceptable is known.
 */
export const DEDUP_TTL_MS = 10 * 60_000;
/** Ids kept in memory at most; the oldest go first. 2,000 deliveries/s for a minute fit twice. */
export const DEDUP_MAX = 250_000;
/** A Redis answer slower than this is not waited for: the local memory decides. */
export const DEDUP_REDIS_TIMEOUT_MS = 50;

/** Remembers LiveKit event ids: `firstSeen` is true once per id (per deployment with Redis). */
export interface WebhookDedup {
  firstSeen(eventId: string): Promise<boolean>;
}

export interface DedupOptions {
  redis?: Redis | null;
  keyPrefix?: string;
  ttlMs?: number;
  max?: number;
  now?: () => number;
}

/**
 * In memory always (a bounded map in insertion order = expiry order, so pruning stops at the first
 * live entry); across instances with Redis `SET key NX PX` when a client is given. Redis failing
 * or slow never fails a delivery: the instance then de-duplicates on its own, so at worst two
 * instances both accept one retried event, and the known-state tracker treats the copy as a no-op.
 */
export function createWebhookDedup(options: DedupOptions = {}): WebhookDedup {
  const ttlMs = options.ttlMs ?? DEDUP_TTL_MS;
  const max = options.max ?? DEDUP_MAX;
  const now = options.now ?? Date.now;
  const prefix = `${options.keyPrefix ?? WEBHOOK_REDIS_PREFIX}:seen:`;
  const seen = new Map<string, number>();

  function prune(at: number): void {
    for (const [id, expiresAt] of seen) {
      if (expiresAt > at && seen.size <= max) break;
      seen.delete(id);
    }
  }

  /** True when the id was not known locally (and remembers it). */
  function firstLocally(eventId: string, at: number): boolean {
    const expiresAt = seen.get(eventId);
    if (expiresAt !== undefined && expiresAt > at) return false;
    seen.delete(eventId);
    seen.set(eventId, at + ttlMs);
    prune(at);
    return true;
  }

  return {
    async firstSeen(eventId) {
      const at = now();
      if (!firstLocally(eventId, at)) return false;
      const redis = options.redis;
      if (!redis) return true;
      try {
        const answer = await withTimeout(
          redis.set(`${prefix}${eventId}`, '1', 'PX', ttlMs, 'NX'),
          DEDUP_REDIS_TIMEOUT_MS,
        );
        // null: another instance (or this one before a restart) set it first.
        return answer === 'OK';
      } catch {
        return true;
      }
    },
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('Redis timed out')), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
