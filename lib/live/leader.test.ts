import { randomBytes } from 'node:crypto';

import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { createMemoryBus } from './bus';
import { KnownState } from './known-state';
import { redisLeadership } from './leader';
import { Reconciler } from './reconciler';
import { recorder, room } from './reconciler-test-fixtures';
import { WatchedRooms } from './watched-rooms';

// Leader election and watched rooms shared through a real Redis (TEST_REDIS_URL). Without it the
// suite is skipped, unless TEST_REDIS_URL or TEST_REQUIRE_REDIS=1 says Redis must be there.
const CONFIGURED = process.env.TEST_REDIS_URL?.trim();
const REDIS_URL = CONFIGURED || 'redis://127.0.0.1:6379';

async function connect(): Promise<Redis | null> {
  const client = new Redis(REDIS_URL, {
    lazyConnect: true,
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
    if (CONFIGURED || process.env.TEST_REQUIRE_REDIS === '1') {
      throw new Error(`Redis at ${REDIS_URL} does not answer: ${String(err)}`);
    }
    return null;
  }
}

const clients: Redis[] = [];
const first = await connect();
if (first) clients.push(first);
const prefix = `moderato-test:${randomBytes(6).toString('hex')}`;

afterAll(async () => {
  if (first) {
    const keys = await first.keys(`${prefix}:*`);
    if (keys.length > 0) await first.del(...keys);
  }
  for (const client of clients) client.disconnect();
});

async function client(): Promise<Redis> {
  const c = (await connect())!;
  clients.push(c);
  return c;
}

const INTERVAL = 100;

describe.skipIf(!first)('leader election through Redis', () => {
  let key: string;
  beforeAll(() => {
    key = `${prefix}:leader`;
  });

  async function instance(id: string) {
    const bus = createMemoryBus(id);
    const known = new KnownState();
    known.follow(bus);
    const listed = { count: 0 };
    const reconciler = new Reconciler({
      bus,
      known,
      source: {
        listRooms: async () => {
          listed.count += 1;
          return [room('shared')];
        },
        listParticipants: async () => [],
      },
      watched: { all: async () => [] },
      leadership: redisLeadership(await client(), id, 3 * INTERVAL, key),
      health: { recordMissedByWebhooks: () => {} },
      intervalMs: INTERVAL,
      log: { warn: () => {}, info: () => {} },
    });
    return { reconciler, events: recorder(bus), listed, known };
  }

  it('lets exactly one instance reconcile, and another take over when it stops', async () => {
    const a = await instance('a');
    const b = await instance('b');
    for (let i = 0; i < 3; i += 1) {
      expect((await a.reconciler.tick()).role).toBe('leader');
      expect((await b.reconciler.tick()).role).toBe('follower');
    }
    expect(a.listed.count).toBe(3);
    // The follower asked once, for its own room → tenant map, and published nothing.
    expect(b.listed.count).toBe(1);
    expect(b.known.tenantOf('shared')).toBeNull();
    expect(a.events.summary()).toEqual(['room.started shared']);
    expect(b.events.summary()).toEqual([]);

    await a.reconciler.stop();
    const taken = await b.reconciler.tick();
    expect(taken.role).toBe('leader');
    expect(await first!.get(key)).toBe('b');
    await b.reconciler.close();
    await a.reconciler.close();
  });

  it('takes over from a leader that died without handing over, once its lease expires', async () => {
    const dead = await instance('dead');
    expect((await dead.reconciler.tick()).role).toBe('leader');
    // `dead` never ticks again and never releases.
    const heir = await instance('heir');
    expect((await heir.reconciler.tick()).role).toBe('follower');
    await vi.waitFor(async () => expect((await heir.reconciler.tick()).role).toBe('leader'), {
      timeout: 10 * INTERVAL * 3,
      interval: INTERVAL,
    });
    await heir.reconciler.close();
  });

  it('renews only its own lease', async () => {
    const redis = await client();
    const ownKey = `${prefix}:lease`;
    const mine = redisLeadership(redis, 'me', 10_000, ownKey);
    expect(await mine.claim()).toBe(true);
    expect(await mine.claim()).toBe(true);
    expect(await redis.pttl(ownKey)).toBeGreaterThan(9_000);
    // The lease expired and someone else took it: a renewal must not extend theirs.
    await redis.set(ownKey, 'other', 'PX', 5_000);
    expect(await mine.claim()).toBe(false);
    expect(await redis.get(ownKey)).toBe('other');
    expect(await redis.pttl(ownKey)).toBeLessThanOrEqual(5_000);
    await mine.release();
    expect(await redis.get(ownKey)).toBe('other');
  });
});

describe.skipIf(!first)('watched rooms through Redis', () => {
  it('sees rooms watched on any instance until their claim expires', async () => {
    let now = 1_000_000;
    const key = `${prefix}:watched`;
    const a = new WatchedRooms(await client(), INTERVAL, () => now, key);
    const b = new WatchedRooms(await client(), INTERVAL, () => now, key);
    const release = a.watch('room-a');
    const releaseTwice = [b.watch('room-b'), b.watch('room-b')];
    await vi.waitFor(async () => expect((await b.all()).sort()).toEqual(['room-a', 'room-b']));
    expect(a.local()).toEqual(['room-a']);

    releaseTwice[0]!();
    expect(b.local()).toEqual(['room-b']);
    releaseTwice[1]!();
    release();
    expect(b.local()).toEqual([]);
    // Nobody re-announces them: after three intervals the claims lapse.
    now += 3 * INTERVAL + 1;
    expect(await a.all()).toEqual([]);
  });
});
