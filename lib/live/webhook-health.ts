import 'server-only';

import type { Redis } from 'ioredis';

import {
  WEBHOOK_OUTCOMES,
  type WebhookDeliveryDto,
  type WebhookOutcome,
  type WebhookState,
} from '@/lib/contracts/dto';
import { setWebhookHealthSource } from '@/lib/domain/livekit/webhook-health-port';

import { processSingleton } from './process-singleton';
import { WEBHOOK_REDIS_PREFIX, webhookRedis } from './webhook-redis';

/** How many deliveries the admin view lists. */
export const DELIVERIES_KEPT = 50;
/** "Missing" = at least this many missed events inside the window, with no good delivery since. */
export const MISSED_THRESHOLD = 3;
export const MISSED_WINDOW_MS = 5 * 60_000;
const MISSED_KEPT = 200;

export type WebhookCounts = Record<WebhookOutcome | 'missed', number>;

export interface WebhookHealthReading {
  deliveries: WebhookDeliveryDto[];
  lastGoodAtMs: number | null;
  counts: WebhookCounts;
  /** Batches reconciliation reported, newest first. */
  missed: { atMs: number; count: number }[];
  scope: 'deployment' | 'instance';
}

export interface WebhookStatus {
  state: WebhookState;
  message: string;
  recentMissed: number;
}

/**
 * What the webhook receiver has been doing, for the admin view: the last deliveries (accepted or not
 * and why), the last good one, counts, and the events reconciliation found that webhooks should have
 * delivered. Recording never waits and never throws: it runs on the receiver's hot path.
 */
export interface WebhookHealth {
  recordDelivery(delivery: WebhookDeliveryDto): void;
  /** Called by reconciliation when it emits events a webhook should have brought. */
  recordMissedByWebhooks(count: number, atMs: number): void;
  read(): Promise<WebhookHealthReading>;
}

const emptyCounts = (): WebhookCounts => ({
  accepted: 0,
  duplicate: 0,
  stale: 0,
  refused: 0,
  missed: 0,
});

/** This instance's view, kept in memory (bounded). */
export function createLocalWebhookHealth(): WebhookHealth {
  const deliveries: WebhookDeliveryDto[] = [];
  const missed: { atMs: number; count: number }[] = [];
  const counts = emptyCounts();
  let lastGoodAtMs: number | null = null;
  return {
    recordDelivery(delivery) {
      deliveries.unshift(delivery);
      if (deliveries.length > DELIVERIES_KEPT) deliveries.length = DELIVERIES_KEPT;
      counts[delivery.outcome] += 1;
      if (isGood(delivery.outcome)) lastGoodAtMs = Math.max(lastGoodAtMs ?? 0, delivery.atMs);
    },
    recordMissedByWebhooks(count, atMs) {
      if (!(count > 0)) return;
      missed.unshift({ atMs, count });
      if (missed.length > MISSED_KEPT) missed.length = MISSED_KEPT;
      counts.missed += count;
    },
    async read() {
      return {
        deliveries: [...deliveries],
        lastGoodAtMs,
        counts: { ...counts },
        missed: [...missed],
        scope: 'instance',
      };
    },
  };
}

/**
 * A duplicate is LiveKit retrying something we already took: proof that deliveries reach us and are
 * signed right, so it counts as good. Stale ones are signed right too (the event was just older than
 * what we know), so they also prove the path works.
 */
function isGood(outcome: WebhookOutcome): boolean {
  return outcome !== 'refused';
}

// Sets the key to ARGV[1] unless it already holds a later time (instances may record out of order).
const SET_MAX = `local v = redis.call('GET', KEYS[1])
if not v or tonumber(v) < tonumber(ARGV[1]) then redis.call('SET', KEYS[1], ARGV[1]) end
return 1`;

/**
 * The deployment's view when REDIS_URL is set: every instance writes its deliveries to Redis too
 * (LPUSH + LTRIM, counts in a hash, the last good time as a max), so an admin on any instance sees
 * what any instance received. Reads fall back to this instance's memory while Redis is unavailable.
 */
export function createRedisWebhookHealth(
  redis: Redis,
  prefix = WEBHOOK_REDIS_PREFIX,
): WebhookHealth {
  const local = createLocalWebhookHealth();
  const keys = {
    deliveries: `${prefix}:deliveries`,
    missed: `${prefix}:missed`,
    counts: `${prefix}:counts`,
    lastGood: `${prefix}:last-good`,
  };
  const ignore = () => {};
  return {
    recordDelivery(delivery) {
      local.recordDelivery(delivery);
      const pipeline = redis
        .pipeline()
        .lpush(keys.deliveries, JSON.stringify(delivery))
        .ltrim(keys.deliveries, 0, DELIVERIES_KEPT - 1)
        .hincrby(keys.counts, delivery.outcome, 1);
      if (isGood(delivery.outcome)) pipeline.eval(SET_MAX, 1, keys.lastGood, delivery.atMs);
      pipeline.exec().catch(ignore);
    },
    recordMissedByWebhooks(count, atMs) {
      if (!(count > 0)) return;
      local.recordMissedByWebhooks(count, atMs);
      redis
        .pipeline()
        .lpush(keys.missed, JSON.stringify({ atMs, count }))
        .ltrim(keys.missed, 0, MISSED_KEPT - 1)
        .hincrby(keys.counts, 'missed', count)
        .exec()
        .catch(ignore);
    },
    async read() {
      try {
        const results = await redis
          .pipeline()
          .lrange(keys.deliveries, 0, DELIVERIES_KEPT - 1)
          .lrange(keys.missed, 0, MISSED_KEPT - 1)
          .hgetall(keys.counts)
          .get(keys.lastGood)
          .exec();
        if (!results || results.some(([err]) => err)) throw new Error('Redis read failed');
        const [deliveries, missed, counts, lastGood] = results.map(([, value]) => value) as [
          string[],
          string[],
          Record<string, string>,
          string | null,
        ];
        return {
          deliveries: parseAll<WebhookDeliveryDto>(deliveries),
          missed: parseAll<{ atMs: number; count: number }>(missed),
          counts: countsFrom(counts),
          lastGoodAtMs: lastGood === null ? null : Number(lastGood),
          scope: 'deployment',
        };
      } catch {
        return local.read();
      }
    },
  };
}

function parseAll<T>(items: string[]): T[] {
  const parsed: T[] = [];
  for (const item of items) {
    try {
      parsed.push(JSON.parse(item) as T);
    } catch {
      // Written by another version of Moderato: skip rather than fail the whole view.
    }
  }
  return parsed;
}

function countsFrom(hash: Record<string, string>): WebhookCounts {
  const counts = emptyCounts();
  for (const key of [...WEBHOOK_OUTCOMES, 'missed'] as const) counts[key] = Number(hash[key] ?? 0);
  return counts;
}

/**
 * The status shown to admins. `missing` wins: reconciliation found at least MISSED_THRESHOLD events
 * in the last MISSED_WINDOW_MS that webhooks should have brought, and no good delivery arrived after
 * them. Otherwise `healthy` once anything good arrived (a quiet deployment expects nothing), else
 * `never_received`.
 */
export function webhookStatus(reading: WebhookHealthReading, nowMs: number): WebhookStatus {
  const since = Math.max(nowMs - MISSED_WINDOW_MS, reading.lastGoodAtMs ?? -Infinity);
  const recentMissed = reading.missed
    .filter((m) => m.atMs > since)
    .reduce((sum, m) => sum + m.count, 0);
  if (recentMissed >= MISSED_THRESHOLD) {
    return {
      state: 'missing',
      recentMissed,
      message: 'Webhooks are not reaching Moderato: check the URL and key.',
    };
  }
  if (reading.lastGoodAtMs !== null) {
    return { state: 'healthy', recentMissed, message: 'Webhooks are arriving.' };
  }
  const refused = reading.deliveries.some((d) => d.outcome === 'refused');
  return {
    state: 'never_received',
    recentMissed,
    message: refused
      ? 'Webhooks arrive but are refused: check that LiveKit signs them with this API key.'
      : 'No webhook received yet. Live views still update through reconciliation.',
  };
}

/** The process's webhook health: shared through Redis when REDIS_URL is set. */
export function webhookHealth(): WebhookHealth {
  return processSingleton('live.webhookHealth', () => {
    const redis = webhookRedis();
    return redis ? createRedisWebhookHealth(redis) : createLocalWebhookHealth();
  });
}

/** For reconciliation: it found `count` events at `atMs` that webhooks should have delivered. */
export function recordMissedByWebhooks(count: number, atMs: number): void {
  webhookHealth().recordMissedByWebhooks(count, atMs);
}

/**
 * Started from start.ts: the domain's getWebhookHealth reads this process's health, and the port
 * of its dedicated webhook listener if one is listening.
 */
export function startWebhookHealth(dedicatedPort: () => Promise<number | null>): void {
  setWebhookHealthSource({
    async read(nowMs) {
      const reading = await webhookHealth().read();
      const { state, message, recentMissed } = webhookStatus(reading, nowMs);
      return {
        state,
        message,
        recentMissed,
        lastGoodAtMs: reading.lastGoodAtMs,
        counts: reading.counts,
        deliveries: reading.deliveries,
        scope: reading.scope,
        dedicatedPort: await dedicatedPort(),
      };
    },
  });
}
