import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';

import type { LiveEvent, NewLiveEvent } from '@/lib/contracts/live-events';

import { createMemoryBus, type LiveBus } from './bus';
import { connectRedisBus } from './redis-bus';

const REDIS_URL = process.env.TEST_REDIS_URL?.trim() || 'redis://127.0.0.1:6379';

const finished = (roomName: string): NewLiveEvent => ({
  type: 'room.finished',
  atMs: 1_700_000_000_000,
  origin: 'webhook',
  roomName,
  tenant: null,
  roomSid: 'RM_1',
});

async function redisAnswers(): Promise<boolean> {
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
    return true;
  } catch (err) {
    if (process.env.TEST_REQUIRE_REDIS === '1') {
      throw new Error(`TEST_REQUIRE_REDIS=1 but Redis at ${REDIS_URL} does not answer: ${err}`);
    }
    return false;
  } finally {
    client.disconnect();
  }
}

/** Resolves with the first event a bus delivers that matches, or rejects after `ms`. */
function nextEvent(bus: LiveBus, match: (e: LiveEvent) => boolean, ms = 5000): Promise<LiveEvent> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no event')), ms);
    const stop = bus.subscribe((event) => {
      if (!match(event)) return;
      clearTimeout(timer);
      stop();
      resolve(event);
    });
  });
}

describe('memory bus', () => {
  it('delivers synchronously to every listener with a unique id, and stops after unsubscribe', () => {
    const bus = createMemoryBus('inst1');
    const seen: string[] = [];
    const stop = bus.subscribe((e) => seen.push(`a:${e.id}`));
    bus.subscribe((e) => seen.push(`b:${e.id}`));
    const first = bus.publish(finished('r'));
    stop();
    const second = bus.publish(finished('r'));
    expect(first.id).not.toBe(second.id);
    expect(first.id.startsWith('inst1-')).toBe(true);
    expect(seen).toEqual([`a:${first.id}`, `b:${first.id}`, `b:${second.id}`]);
  });

  it('keeps delivering to the others when one listener throws', () => {
    const bus = createMemoryBus();
    const seen: string[] = [];
    const quiet = console.error;
    console.error = () => {};
    try {
      bus.subscribe(() => {
        throw new Error('boom');
      });
      bus.subscribe((e) => seen.push(e.roomName));
      bus.publish(finished('kept'));
    } finally {
      console.error = quiet;
    }
    expect(seen).toEqual(['kept']);
  });
});

describe('Redis bus', async () => {
  const available = await redisAnswers();
  const buses: LiveBus[] = [];
  afterEach(async () => {
    await Promise.all(buses.splice(0).map((b) => b.close()));
  });

  it.runIf(available)(
    'carries an event published on one instance to the other exactly once',
    async () => {
      const a = connectRedisBus(REDIS_URL, 'inst-a');
      const b = connectRedisBus(REDIS_URL, 'inst-b');
      buses.push(a, b);
      // Subscriptions are asynchronous: wait until a probe from A reaches B.
      const roomName = `bus-${Date.now()}`;
      const probeSeen = nextEvent(b, (e) => e.roomName === `${roomName}-probe`, 10_000);
      const probe = setInterval(() => a.publish(finished(`${roomName}-probe`)), 100);
      await probeSeen.finally(() => clearInterval(probe));

      const onA: LiveEvent[] = [];
      a.subscribe((e) => e.roomName === roomName && onA.push(e));
      const arrived = nextEvent(b, (e) => e.roomName === roomName);
      const sent = a.publish(finished(roomName));
      // The sender's own listeners hear it at once, not through Redis.
      expect(onA).toEqual([sent]);
      expect(await arrived).toEqual(sent);
      // The echo from Redis is not delivered to A again: after a later event from B has
      // come back through Redis (same connection, in order), A still has one.
      const after = nextEvent(a, (e) => e.roomName === `${roomName}-after`);
      b.publish(finished(`${roomName}-after`));
      await after;
      expect(onA).toHaveLength(1);
    },
  );
});
