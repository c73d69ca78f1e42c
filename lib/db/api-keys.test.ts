import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { generateApiKey, hashApiKey, looksLikeApiKey } from '@/lib/auth/api-key-secret';

import {
  ApiKeyNameTakenError,
  findActiveApiKeyByName,
  findApiKeyByHash,
  insertApiKey,
  listApiKeys,
  revokeApiKey,
  touchApiKey,
} from './api-keys';
import { closeDb, openDb } from './index';
import { testStores, type TestStore } from './test-stores';

const T0 = 1_700_000_000_000;

describe('API key secrets', () => {
  it('are 256-bit, well-formed, and differ every time', () => {
    const keys = Array.from({ length: 50 }, () => generateApiKey());
    expect(new Set(keys.map((k) => k.key)).size).toBe(50);
    for (const { key, hash, prefix } of keys) {
      expect(looksLikeApiKey(key)).toBe(true);
      // 32 bytes in base64url: 43 characters after the marker.
      expect(key).toMatch(/^mdk_[A-Za-z0-9_-]{43}$/);
      expect(hash).toBe(hashApiKey(key));
      expect(hash).toMatch(/^[0-9a-f]{64}$/);
      expect(key.startsWith(prefix)).toBe(true);
      expect(prefix).toHaveLength(12);
    }
  });

  it('hash with SHA-256, so the stored value does not give the key back', () => {
    // Known answer: SHA-256("abc").
    expect(hashApiKey('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(looksLikeApiKey('mdk_short')).toBe(false);
    expect(looksLikeApiKey(`xyz_${'a'.repeat(43)}`)).toBe(false);
  });
});

describe.each(testStores())('API keys on $kind', ({ store: makeStore }) => {
  let store: TestStore;

  beforeAll(async () => {
    store = makeStore();
    await openDb(await store.create());
  });

  afterAll(async () => {
    await closeDb();
    await store.destroy();
  });

  const newKey = (name: string, extra: Partial<Parameters<typeof insertApiKey>[0]> = {}) => {
    const { key, hash, prefix } = generateApiKey();
    return {
      key,
      stored: insertApiKey({
        name,
        hash,
        prefix,
        role: 'moderator',
        tenant: 'acme',
        rooms: ['room a', 'Room-B'],
        createdBy: 'admin',
        nowMs: T0,
        ...extra,
      }),
    };
  };

  it('stores only the hash and finds the key by it, with its scope', async () => {
    const { key, stored } = newKey('portal');
    const created = await stored;
    expect(created).toMatchObject({
      name: 'portal',
      role: 'moderator',
      tenant: 'acme',
      rooms: ['room a', 'Room-B'],
      createdBy: 'admin',
      createdAtMs: T0,
      lastUsedAtMs: null,
      revokedAtMs: null,
    });
    expect(await findApiKeyByHash(hashApiKey(key))).toEqual(created);
    expect(await findApiKeyByHash(hashApiKey(`${key}x`))).toBeNull();
    // Nothing stored is the key itself.
    expect(JSON.stringify(await listApiKeys())).not.toContain(key);
  });

  it('refuses a second open key of the same name, and frees the name once revoked', async () => {
    const first = await newKey('dup', { tenant: null, rooms: null }).stored;
    await expect(newKey('dup').stored).rejects.toBeInstanceOf(ApiKeyNameTakenError);
    expect(await findActiveApiKeyByName('dup')).toMatchObject({ id: first.id, rooms: null });

    const revoked = await revokeApiKey(first.id, T0 + 5);
    expect(revoked).toMatchObject({ id: first.id, revokedAtMs: T0 + 5 });
    // Revoking twice changes nothing.
    expect(await revokeApiKey(first.id, T0 + 9)).toBeNull();
    expect(await findActiveApiKeyByName('dup')).toBeNull();

    const second = await newKey('dup').stored;
    expect(await findActiveApiKeyByName('dup')).toMatchObject({ id: second.id });
    const names = (await listApiKeys()).filter((k) => k.name === 'dup');
    expect(names.map((k) => k.revokedAtMs === null)).toEqual(expect.arrayContaining([true, false]));
  });

  it('records the last use', async () => {
    const { key, stored } = newKey('used');
    const { id } = await stored;
    await touchApiKey(id, T0 + 60_000);
    expect((await findApiKeyByHash(hashApiKey(key)))?.lastUsedAtMs).toBe(T0 + 60_000);
  });
});
