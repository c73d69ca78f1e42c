import { randomBytes } from 'node:crypto';

import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { generateApiKey } from '@/lib/auth/api-key-secret';
import { findApiKeyById, insertApiKey, revokeApiKey } from '@/lib/db/api-keys';
import { closeDb, openDb } from '@/lib/db';
import { testStores, type TestStore } from '@/lib/db/test-stores';
import { DomainError } from '@/lib/domain/errors';

import { apiKeyCaller } from './api-key-caller';
import { parseApiKeyEnv, parseRate } from './api-key-env';
import { createApiKeyRateLimiter } from './api-key-rate-limit';

process.env.MODERATO_API_KEY_RATE = 'off';

function request(
  path: string,
  headers: Record<string, string> = {},
  allowQueryKey = false,
): Parameters<typeof apiKeyCaller.resolve>[0] {
  return {
    request: new Request(`http://moderato.test${path}`, { headers }),
    source: 'api',
    allowQueryKey,
  };
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'resolved';
  } catch (err) {
    return err instanceof DomainError ? err.code : `unexpected: ${String(err)}`;
  }
}

describe('API key configuration', () => {
  it('reads AUTH_REQUIRED (default on) and the rate', () => {
    expect(parseApiKeyEnv({})).toEqual({
      authRequired: true,
      rate: { points: 600, windowSeconds: 60 },
    });
    expect(parseApiKeyEnv({ AUTH_REQUIRED: 'false', MODERATO_API_KEY_RATE: '5/s' })).toEqual({
      authRequired: false,
      rate: { points: 5, windowSeconds: 1 },
    });
    expect(parseRate('1000 / hour')).toEqual({ points: 1000, windowSeconds: 3600 });
    expect(parseRate('off')).toBeNull();
    expect(() => parseRate('fast')).toThrow(/MODERATO_API_KEY_RATE/);
    expect(() => parseRate('0/min')).toThrow(/MODERATO_API_KEY_RATE/);
    expect(() => parseApiKeyEnv({ AUTH_REQUIRED: 'maybe' })).toThrow(/AUTH_REQUIRED/);
  });
});

describe.each(testStores())('the API key caller on $kind', ({ store: makeStore }) => {
  let store: TestStore;

  beforeAll(async () => {
    store = makeStore();
    await openDb(await store.create());
  });
  afterAll(async () => {
    await closeDb();
    await store.destroy();
  });

  async function newKey(options: { role?: 'viewer' | 'admin'; rooms?: string[] } = {}) {
    const { key, hash, prefix } = generateApiKey();
    const stored = await insertApiKey({
      name: `k-${randomBytes(3).toString('hex')}`,
      hash,
      prefix,
      role: options.role ?? 'admin',
      tenant: 'acme',
      rooms: options.rooms ?? null,
      createdBy: 'test',
    });
    return { key, stored };
  }

  it('turns a Bearer key into an actor with its role (less keys.manage), tenant and rooms', async () => {
    const { key, stored } = await newKey({ rooms: ['standup', ' spaced '] });
    const actor = await apiKeyCaller.resolve(
      request('/api/v1/rooms', { authorization: `Bearer ${key}` }),
    );
    expect(actor).toMatchObject({
      userId: `key:${stored.id}`,
      username: stored.name,
      role: 'admin',
      tenant: 'acme',
      rooms: ['standup', ' spaced '],
      source: 'api',
    });
    expect(actor!.permissions.has('users.manage')).toBe(true);
    expect(actor!.permissions.has('keys.manage')).toBe(false);
    // The use is recorded in the background.
    await expect.poll(async () => (await findApiKeyById(stored.id))?.lastUsedAtMs).not.toBeNull();
  });

  it('takes ?api_key= only where the door allows it', async () => {
    const { key } = await newKey({ role: 'viewer' });
    const query = `/livekit/participant?api_key=${encodeURIComponent(key)}`;
    expect((await apiKeyCaller.resolve(request(query, {}, true)))?.role).toBe('viewer');
    expect(await codeOf(apiKeyCaller.resolve(request(query)))).toBe('unauthenticated');
    expect(await codeOf(apiKeyCaller.resolve(request(`${query}&api_key=${key}`, {}, true)))).toBe(
      'unauthenticated',
    );
  });

  it('has nothing to say without a key, and refuses unknown, malformed and revoked keys', async () => {
    expect(await apiKeyCaller.resolve(request('/api/v1/rooms'))).toBeNull();
    expect(
      await apiKeyCaller.resolve(request('/api/v1/rooms', { authorization: 'Basic eDp5' })),
    ).toBeNull();
    const { key, stored } = await newKey();
    await revokeApiKey(stored.id);
    const unknown = generateApiKey().key;
    for (const bad of [key, unknown, 'mdk_short', '']) {
      expect(
        await codeOf(
          apiKeyCaller.resolve(request('/api/v1/rooms', { authorization: `Bearer ${bad}` })),
        ),
        bad,
      ).toBe('unauthenticated');
    }
  });
});

const REDIS_URL = process.env.TEST_REDIS_URL?.trim() || 'redis://127.0.0.1:6379';

async function redisClient(): Promise<Redis | null> {
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
    return client;
  } catch (err) {
    client.disconnect();
    if (process.env.TEST_REQUIRE_REDIS === '1') throw err;
    return null;
  }
}

const redis = await redisClient();
const limiterStores = [
  { kind: 'memory', redis: undefined },
  ...(redis ? [{ kind: 'redis', redis }] : []),
];

describe.each(limiterStores)('the per-key rate limit in $kind', ({ kind, redis: client }) => {
  const prefix = `moderato-test:${randomBytes(6).toString('hex')}`;
  afterAll(async () => {
    if (!client) return;
    const keys = await client.keys(`${prefix}*`);
    if (keys.length > 0) await client.del(...keys);
    client.disconnect();
  });

  it('refuses the request past the budget with rate_limited and a Retry-After', async () => {
    const make = () =>
      createApiKeyRateLimiter({ points: 3, windowSeconds: 60, redis: client, keyPrefix: prefix });
    const limiter = make();
    for (let i = 0; i < 3; i += 1) await limiter.consume('key-1');
    // Another instance (a second limiter) shares the count only through Redis.
    const other = make();
    const refused = await (kind === 'redis' ? other : limiter).consume('key-1').then(
      () => null,
      (err: unknown) => err,
    );
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({ code: 'rate_limited' });
    expect((refused as DomainError).retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect((refused as DomainError).retryAfterSeconds).toBeLessThanOrEqual(60);
    // Each key has its own budget.
    await expect(limiter.consume('key-2')).resolves.toBeUndefined();
  });
});
