import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { LiveEvent } from '@/lib/contracts/live-events';
import { signWebhookBody, webhookBody, webhookEvents } from '@/lib/livekit/webhook-fixtures';

import { createMemoryBus } from './bus';
import { KnownState } from './known-state';
import { createWebhookDedup } from './webhook-dedup';
import { createLocalWebhookHealth } from './webhook-health';
import { createWebhookReceiver } from './webhook-receiver';
import { connectWebhookRedis } from './webhook-redis';
import {
  TEST_REDIS_URL,
  connectTestRedis,
  dropTestKeys,
  testPrefix,
} from './webhook-redis-test-support';

describe('webhook de-duplication in memory', () => {
  it('lets each id through once', async () => {
    const dedup = createWebhookDedup();
    expect(await dedup.firstSeen('EV_1')).toBe(true);
    expect(await dedup.firstSeen('EV_1')).toBe(false);
    expect(await dedup.firstSeen('EV_2')).toBe(true);
  });

  it('forgets ids after the TTL and keeps at most `max` ids', async () => {
    let now = 0;
    const dedup = createWebhookDedup({ ttlMs: 1000, max: 2, now: () => now });
    await dedup.firstSeen('EV_a');
    now = 1001;
    expect(await dedup.firstSeen('EV_a')).toBe(true);
    await dedup.firstSeen('EV_b');
    await dedup.firstSeen('EV_c'); // EV_a is the oldest: dropped to stay within 2
    expect(await dedup.firstSeen('EV_a')).toBe(true);
  });

  it('never fails a delivery when Redis is down: the instance decides alone', async () => {
    const down = connectWebhookRedis('redis://127.0.0.1:9'); // the discard port: refused
    try {
      const dedup = createWebhookDedup({ redis: down });
      const started = Date.now();
      expect(await dedup.firstSeen('EV_down')).toBe(true);
      expect(await dedup.firstSeen('EV_down')).toBe(false);
      expect(Date.now() - started).toBeLessThan(500);
    } finally {
      down.disconnect();
    }
  });
});

describe.skipIf(!TEST_REDIS_URL)('webhook de-duplication across instances (Redis)', () => {
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

  it('an event delivered to instance A is a duplicate on instance B', async () => {
    const onA = createWebhookDedup({ redis: a, keyPrefix: prefix });
    const onB = createWebhookDedup({ redis: b, keyPrefix: prefix });
    expect(await onA.firstSeen('EV_shared')).toBe(true);
    expect(await onB.firstSeen('EV_shared')).toBe(false);
    expect(await onB.firstSeen('EV_only_b')).toBe(true);
    expect(await onA.firstSeen('EV_only_b')).toBe(false);
    expect(await a.pttl(`${prefix}:seen:EV_shared`)).toBeGreaterThan(0);
  });

  it('only one of many concurrent deliveries of one event passes', async () => {
    const instances = [a, b, a, b].map((redis) => createWebhookDedup({ redis, keyPrefix: prefix }));
    const answers = await Promise.all(instances.map((d) => d.firstSeen('EV_race')));
    expect(answers.filter(Boolean)).toHaveLength(1);
  });

  it('two receivers (two instances) publish a retried delivery once between them', async () => {
    const saved = { key: process.env.LIVEKIT_API_KEY, secret: process.env.LIVEKIT_API_SECRET };
    process.env.LIVEKIT_API_KEY = 'dedup-key';
    process.env.LIVEKIT_API_SECRET = 'dedup-secret-long-enough-for-hs256-signing';
    try {
      const published: LiveEvent[] = [];
      const instance = (redis: Redis) => {
        const bus = createMemoryBus();
        bus.subscribe((event) => published.push(event));
        const dedup = createWebhookDedup({ redis, keyPrefix: prefix });
        const health = createLocalWebhookHealth();
        return createWebhookReceiver({ bus, state: new KnownState(), dedup, health });
      };
      const [onA, onB] = [instance(a), instance(b)];
      const body = webhookBody(webhookEvents.participantJoined());
      const token = await signWebhookBody(body, {
        apiKey: 'dedup-key',
        secret: 'dedup-secret-long-enough-for-hs256-signing',
      });
      expect(await onA.receive(body, token)).toMatchObject({ status: 200, outcome: 'accepted' });
      expect(await onB.receive(body, token)).toMatchObject({ status: 200, outcome: 'duplicate' });
      expect(published).toHaveLength(1);
    } finally {
      process.env.LIVEKIT_API_KEY = saved.key;
      process.env.LIVEKIT_API_SECRET = saved.secret;
    }
  });
});
