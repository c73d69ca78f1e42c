import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { WebhookDeliveryDto } from '@/lib/contracts/dto';

import {
  DELIVERIES_KEPT,
  MISSED_WINDOW_MS,
  createLocalWebhookHealth,
  createRedisWebhookHealth,
  webhookStatus,
  type WebhookHealthReading,
} from './webhook-health';
import { connectWebhookRedis } from './webhook-redis';
import {
  TEST_REDIS_URL,
  connectTestRedis,
  dropTestKeys,
  testPrefix,
} from './webhook-redis-test-support';

const NOW = 1_766_000_000_000;

const delivery = (atMs: number, outcome: WebhookDeliveryDto['outcome']): WebhookDeliveryDto => ({
  atMs,
  eventId: `EV_${atMs}`,
  event: 'participant_joined',
  roomName: 'standup',
  outcome,
  reason: outcome === 'accepted' ? null : 'why',
});

const reading = (over: Partial<WebhookHealthReading>): WebhookHealthReading => ({
  deliveries: [],
  lastGoodAtMs: null,
  counts: { accepted: 0, duplicate: 0, stale: 0, refused: 0, missed: 0 },
  missed: [],
  scope: 'instance',
  ...over,
});

describe('webhook status', () => {
  it('is never_received before anything arrives, and says so when deliveries are refused', () => {
    expect(webhookStatus(reading({}), NOW)).toMatchObject({ state: 'never_received' });
    const refused = webhookStatus(reading({ deliveries: [delivery(NOW, 'refused')] }), NOW);
    expect(refused.state).toBe('never_received');
    expect(refused.message).toMatch(/refused: check .* API key/);
  });

  it('is healthy after a good delivery, however long ago (a quiet deployment expects nothing)', () => {
    const status = webhookStatus(reading({ lastGoodAtMs: NOW - 86_400_000 }), NOW);
    expect(status.state).toBe('healthy');
  });

  it('is missing when reconciliation found ≥3 missed events in the window, none good since', () => {
    const missed = [
      { atMs: NOW - 1000, count: 2 },
      { atMs: NOW - 60_000, count: 1 },
    ];
    const status = webhookStatus(reading({ missed, lastGoodAtMs: NOW - 120_000 }), NOW);
    expect(status).toEqual({
      state: 'missing',
      recentMissed: 3,
      message: 'Webhooks are not reaching Moderato: check the URL and key.',
    });
  });

  it('is not missing when the misses are old or a good delivery came after them', () => {
    const old = [{ atMs: NOW - MISSED_WINDOW_MS - 1, count: 10 }];
    expect(webhookStatus(reading({ missed: old }), NOW).state).toBe('never_received');
    const before = [{ atMs: NOW - 10_000, count: 5 }];
    const after = webhookStatus(reading({ missed: before, lastGoodAtMs: NOW - 5000 }), NOW);
    expect(after).toMatchObject({ state: 'healthy', recentMissed: 0 });
  });
});

describe('local webhook health', () => {
  it('keeps the last deliveries newest first, counts and the last good time', async () => {
    const health = createLocalWebhookHealth();
    for (let i = 0; i < DELIVERIES_KEPT + 5; i += 1)
      health.recordDelivery(delivery(NOW + i, 'accepted'));
    health.recordDelivery(delivery(NOW + 100, 'refused'));
    health.recordMissedByWebhooks(2, NOW);
    health.recordMissedByWebhooks(0, NOW);
    const r = await health.read();
    expect(r.deliveries).toHaveLength(DELIVERIES_KEPT);
    expect(r.deliveries[0]?.outcome).toBe('refused');
    expect(r.lastGoodAtMs).toBe(NOW + DELIVERIES_KEPT + 4);
    expect(r.counts).toEqual({
      accepted: DELIVERIES_KEPT + 5,
      duplicate: 0,
      stale: 0,
      refused: 1,
      missed: 2,
    });
    expect(r.missed).toEqual([{ atMs: NOW, count: 2 }]);
  });

  it('falls back to this instance while Redis is down', async () => {
    const down = connectWebhookRedis('redis://127.0.0.1:9');
    try {
      const health = createRedisWebhookHealth(down, testPrefix());
      health.recordDelivery(delivery(NOW, 'accepted'));
      const r = await health.read();
      expect(r).toMatchObject({ scope: 'instance', lastGoodAtMs: NOW });
      expect(r.deliveries).toHaveLength(1);
    } finally {
      down.disconnect();
    }
  });
});

describe.skipIf(!TEST_REDIS_URL)('webhook health shared through Redis', () => {
  const prefix = testPrefix();
  let a: Redis;
  let b: Redis;

  beforeAll(async () => {
    a = await connectTestRedis(TEST_REDIS_URL!);
    b = await connectTestRedis(TEST_REDIS_URL!);
  });
  afterAll(async () => {
    b?.disconnect();
    if (a) await dropTestKeys(a, prefix);
  });

  it('an admin on instance B sees deliveries and misses recorded by instance A', async () => {
    const onA = createRedisWebhookHealth(a, prefix);
    const onB = createRedisWebhookHealth(b, prefix);
    onA.recordDelivery(delivery(NOW, 'accepted'));
    onA.recordDelivery(delivery(NOW + 1, 'refused'));
    onB.recordDelivery(delivery(NOW - 10, 'duplicate'));
    onA.recordMissedByWebhooks(4, NOW + 2);
    await expect
      .poll(async () => (await onB.read()).deliveries.map((d) => d.atMs))
      .toEqual([NOW - 10, NOW + 1, NOW]);
    const r = await onB.read();
    expect(r).toMatchObject({
      scope: 'deployment',
      // The max of both instances' good deliveries, whatever order they were written in.
      lastGoodAtMs: NOW,
      counts: { accepted: 1, duplicate: 1, refused: 1, stale: 0, missed: 4 },
      missed: [{ atMs: NOW + 2, count: 4 }],
    });
    expect(webhookStatus(r, NOW + 10).state).toBe('missing');
  });
});
