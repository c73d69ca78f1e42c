import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { closeDb, openDb } from '@/lib/db';
import { findSession, revokeSession, type StoredSession } from '@/lib/db/sessions';
import { testStores, type TestStore } from '@/lib/db/test-stores';
import { createUser, type User } from '@/lib/db/users';

import { connectRevocationBus, type Revocation } from './sessions-bus';
import { SessionCache } from './sessions-cache';
import {
  endSession,
  endUserSessions,
  isSessionActive,
  resetSessionRuntime,
  startSession,
} from './sessions';

const CACHE_MS = 2000;
const DEVICE = { userAgent: 'vitest', ip: '198.51.100.4' };

describe.each(testStores())('session checks on $kind', ({ store: makeStore }) => {
  let store: TestStore;
  let ann: User;
  let bob: User;

  beforeAll(async () => {
    store = makeStore();
    await openDb(await store.create());
    ann = await createUser({ username: 'ann', role: 'viewer' });
    bob = await createUser({ username: 'bob', role: 'viewer' });
  });

  beforeEach(async () => {
    process.env.MODERATO_SESSION_CACHE_MS = String(CACHE_MS);
    await resetSessionRuntime();
  });

  afterEach(async () => {
    delete process.env.MODERATO_SESSION_CACHE_MS;
    await resetSessionRuntime();
  });

  afterAll(async () => {
    await closeDb();
    await store.destroy();
  });

  it('refuses a token without a session id (one issued before sessions were recorded)', async () => {
    expect(await isSessionActive(undefined, ann.id)).toBe(false);
    expect(await isSessionActive('', ann.id)).toBe(false);
    const id = await startSession(ann.id, DEVICE);
    expect(await isSessionActive(id, undefined)).toBe(false);
    expect(await isSessionActive('no-such-session', ann.id)).toBe(false);
  });

  it('accepts an open session only for the user it belongs to', async () => {
    const id = await startSession(ann.id, DEVICE);
    expect(await findSession(id)).toMatchObject({ userId: ann.id, ...DEVICE });
    expect(await isSessionActive(id, ann.id)).toBe(true);
    expect(await isSessionActive(id, bob.id)).toBe(false);
  });

  it('refuses a signed-out session on the very next check, although it was cached', async () => {
    const id = await startSession(ann.id, DEVICE);
    const other = await startSession(ann.id, DEVICE);
    expect(await isSessionActive(id, ann.id)).toBe(true);
    expect(await endSession(id)).toBe(true);
    expect(await isSessionActive(id, ann.id)).toBe(false);
    expect(await findSession(id)).toMatchObject({ revokedReason: 'sign_out' });
    // Signing out ends this browser's session only.
    expect(await isSessionActive(other, ann.id)).toBe(true);
    expect(await endSession(id)).toBe(false);
  });

  it('ends every session of a user at once, and no one else’s', async () => {
    const first = await startSession(bob.id, DEVICE);
    const second = await startSession(bob.id, DEVICE);
    const anns = await startSession(ann.id, DEVICE);
    for (const id of [first, second]) expect(await isSessionActive(id, bob.id)).toBe(true);
    expect(await endUserSessions(bob.id, 'password_reset')).toBe(2);
    for (const id of [first, second]) expect(await isSessionActive(id, bob.id)).toBe(false);
    expect(await isSessionActive(anns, ann.id)).toBe(true);
  });

  it('sees a revocation made by another instance (straight in the store) within the cache TTL', async () => {
    const id = await startSession(ann.id, DEVICE);
    const t = Date.now();
    expect(await isSessionActive(id, ann.id, t)).toBe(true);
    await revokeSession(id, 'admin');
    // The bound documented in docs/ARCHITECTURE.md: stale for less than the TTL, never longer.
    expect(await isSessionActive(id, ann.id, t + CACHE_MS - 1)).toBe(true);
    expect(await isSessionActive(id, ann.id, t + CACHE_MS)).toBe(false);
  });

  it('reads the store on every check when the cache is off', async () => {
    process.env.MODERATO_SESSION_CACHE_MS = '0';
    await resetSessionRuntime();
    const id = await startSession(ann.id, DEVICE);
    expect(await isSessionActive(id, ann.id)).toBe(true);
    await revokeSession(id, 'admin');
    expect(await isSessionActive(id, ann.id)).toBe(false);
  });

  it('records activity at most once a minute, sliding the expiry, and refuses an expired session', async () => {
    const id = await startSession(ann.id, DEVICE);
    const created = (await findSession(id))!;
    const t = created.createdAtMs;
    expect(await isSessionActive(id, ann.id, t + 30_000)).toBe(true);
    expect((await findSession(id))!.lastSeenAtMs).toBe(t);
    expect(await isSessionActive(id, ann.id, t + 61_000)).toBe(true);
    const touched = (await findSession(id))!;
    expect(touched.lastSeenAtMs).toBe(t + 61_000);
    expect(touched.expiresAtMs).toBe(created.expiresAtMs + 61_000);
    expect(await isSessionActive(id, ann.id, touched.expiresAtMs)).toBe(false);
  });
});

function storedSession(id: string, userId: string): StoredSession {
  return {
    id,
    userId,
    createdAtMs: 0,
    lastSeenAtMs: Date.now(),
    expiresAtMs: Date.now() + 60_000,
    userAgent: null,
    ip: null,
    revokedAtMs: null,
    revokedReason: null,
  };
}

describe('SessionCache', () => {
  const session = storedSession;

  it('does not store an answer read before a revocation (the read/revoke race)', () => {
    const cache = new SessionCache(2000);
    const generation = cache.currentGeneration();
    // A slow read is in flight while the user is signed out everywhere…
    cache.forgetUser('ann');
    // …and its stale "open" answer arrives afterwards: it must not be cached.
    cache.set('s1', session('s1', 'ann'), 0, generation);
    expect(cache.get('s1', 1)).toBeUndefined();
    cache.set('s1', session('s1', 'ann'), 0, cache.currentGeneration());
    expect(cache.get('s1', 1)).toMatchObject({ id: 's1' });
  });

  it('expires entries after the TTL, forgets by session or user, and stays bounded', () => {
    const cache = new SessionCache(1000, 2);
    const g = () => cache.currentGeneration();
    cache.set('a', session('a', 'ann'), 0, g());
    cache.set('b', session('b', 'bob'), 0, g());
    expect(cache.get('a', 999)).not.toBeUndefined();
    expect(cache.get('a', 1000)).toBeUndefined();
    cache.set('c', session('c', 'ann'), 0, g());
    expect(cache.size).toBe(2);
    cache.forgetUser('ann');
    expect(cache.get('c', 1)).toBeUndefined();
    expect(cache.get('b', 1)).not.toBeUndefined();
    cache.forget('b');
    expect(cache.size).toBe(0);
  });
});

/**
 * Redis, like PostgreSQL in lib/db/test-stores.ts: run when TEST_REDIS_URL is set, demanded with
 * TEST_REQUIRE_REDIS=1 (then a missing URL fails the run instead of leaving the bus untested).
 */
function redisTargets(): string[] {
  const url = process.env.TEST_REDIS_URL?.trim();
  if (!url && process.env.TEST_REQUIRE_REDIS === '1') {
    throw new Error('TEST_REQUIRE_REDIS=1 but TEST_REDIS_URL is not set');
  }
  return url ? [url] : [];
}

describe.each(redisTargets())('revocation bus on %s', (url) => {
  it('makes another instance forget a revoked session within milliseconds', async () => {
    const cache = new SessionCache(60_000);
    let resubscribed = 0;
    const received: Revocation[] = [];
    const other = connectRevocationBus(url, {
      onRevocation: (revocation) => {
        received.push(revocation);
        if ('userId' in revocation) cache.forgetUser(revocation.userId);
      },
      onResubscribed: () => resubscribed++,
    });
    const self = connectRevocationBus(url, { onRevocation: () => {}, onResubscribed: () => {} });
    try {
      await expect.poll(() => resubscribed).toBe(1);
      cache.set('s1', storedSession('s1', 'ann'), Date.now(), cache.currentGeneration());
      const started = performance.now();
      await self.publish({ userId: 'ann' });
      await expect.poll(() => cache.get('s1', Date.now()), { interval: 5 }).toBeUndefined();
      expect(performance.now() - started).toBeLessThan(1000);
      await self.publish({ sessionId: 's2' });
      await expect.poll(() => received).toEqual([{ userId: 'ann' }, { sessionId: 's2' }]);
    } finally {
      await other.close();
      await self.close();
    }
  });
});

describe('revocation bus without Redis', () => {
  it('never throws when Redis is unreachable: the cache TTL still bounds staleness', async () => {
    const bus = connectRevocationBus('redis://127.0.0.1:1', {
      onRevocation: () => {},
      onResubscribed: () => {},
    });
    try {
      await expect(bus.publish({ userId: 'ann' })).resolves.toBeUndefined();
    } finally {
      await bus.close();
    }
  });
});
