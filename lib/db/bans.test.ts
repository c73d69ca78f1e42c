import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { findBanById, insertBan, liftBan, listActiveBans, listBans, type NewBan } from './bans';
import { closeDb, openDb } from './index';
import { testStores, type TestStore } from './test-stores';

const T0 = 1_700_000_000_000;

const ban = (overrides: Partial<NewBan>): NewBan => ({
  identity: 'mallory',
  namePattern: null,
  roomName: 'lobby',
  tenant: 'acme',
  reason: 'spam',
  createdBy: 'mod',
  createdAtMs: T0,
  expiresAtMs: null,
  ...overrides,
});

describe.each(testStores())('bans on $kind', ({ store: makeStore }) => {
  let store: TestStore;

  beforeAll(async () => {
    store = makeStore();
    await openDb(await store.create());
  });

  afterAll(async () => {
    await closeDb();
    await store.destroy();
  });

  it('stores a ban and reads it back, times as numbers', async () => {
    const stored = await insertBan(ban({ expiresAtMs: T0 + 60_000, namePattern: 'mal*' }));
    expect(await findBanById(stored.id)).toEqual({
      ...stored,
      namePattern: 'mal*',
      expiresAtMs: T0 + 60_000,
      liftedAtMs: null,
      liftedBy: null,
    });
    expect(await findBanById('nope')).toBeNull();
  });

  it('reads only bans that hold and could apply to the join', async () => {
    const room = await insertBan(ban({ identity: 'eve', roomName: 'hall', createdAtMs: T0 + 1 }));
    const everywhere = await insertBan(
      ban({ identity: 'eve', roomName: null, createdAtMs: T0 + 2 }),
    );
    const otherRoom = await insertBan(ban({ identity: 'eve', roomName: 'attic' }));
    const expired = await insertBan(ban({ identity: 'eve', roomName: 'hall', expiresAtMs: T0 }));
    const pattern = await insertBan(ban({ identity: 'x', namePattern: 'ev*', roomName: 'hall' }));
    const lifted = await insertBan(ban({ identity: 'eve', roomName: 'hall' }));
    expect(await liftBan(lifted.id, 'admin', T0 + 5)).toBe(true);
    expect(await liftBan(lifted.id, 'admin', T0 + 6)).toBe(false);

    const ids = (await listActiveBans(T0 + 10, { roomName: 'hall', identity: 'eve' })).map(
      (b) => b.id,
    );
    expect(ids).toEqual(expect.arrayContaining([room.id, everywhere.id, pattern.id]));
    expect(ids).not.toContain(otherRoom.id);
    expect(ids).not.toContain(expired.id);
    expect(ids).not.toContain(lifted.id);

    const all = (await listActiveBans(T0 + 10)).map((b) => b.id);
    expect(all).toContain(otherRoom.id);
    expect(all).not.toContain(expired.id);
    expect(await findBanById(lifted.id)).toMatchObject({ liftedAtMs: T0 + 5, liftedBy: 'admin' });
  });

  it('lists every ban, newest first', async () => {
    const listed = await listBans();
    expect(listed.length).toBeGreaterThanOrEqual(7);
    const times = listed.map((b) => b.createdAtMs);
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });
});
