import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { closeDb, openDb } from './index';
import { testStores, type TestStore } from './test-stores';
import {
  countEnabledAdmins,
  countUsers,
  createUser,
  findUserById,
  findUserByOidcSubject,
  findUserByUsername,
  findUserWithPasswordByUsername,
  listUsers,
  setDisabled,
  setPassword,
  setRole,
  setTenant,
  touchLastSignIn,
  updateProfile,
  upsertOidcUser,
  UsernameTakenError,
} from './users';

describe.each(testStores())('users on $kind', ({ store: makeStore }) => {
  let store: TestStore;

  beforeAll(async () => {
    store = makeStore();
    await openDb(await store.create());
  });

  afterAll(async () => {
    await closeDb();
    await store.destroy();
  });

  it('creates users and finds them case-insensitively', async () => {
    const created = await createUser({ username: 'Alice', name: 'Alice A.', role: 'moderator' });
    expect(created).toMatchObject({
      username: 'alice',
      name: 'Alice A.',
      role: 'moderator',
      provider: 'local',
      tenant: null,
      disabled: false,
      lastSignInAtMs: null,
    });
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(typeof created.createdAtMs).toBe('number');
    expect(await findUserByUsername('ALICE')).toEqual(created);
    expect(await findUserById(created.id)).toEqual(created);
    expect(await findUserByUsername('nobody')).toBeNull();
    expect(await findUserById('00000000-0000-0000-0000-000000000000')).toBeNull();
  });

  it('refuses a duplicate username in any case', async () => {
    await createUser({ username: 'bob', role: 'viewer' });
    await expect(createUser({ username: 'BOB', role: 'admin' })).rejects.toBeInstanceOf(
      UsernameTakenError,
    );
  });

  it('defaults the display name to the username', async () => {
    const u = await createUser({ username: 'carol', role: 'viewer' });
    expect(u.name).toBe('carol');
  });

  it('keeps the password hash out of normal reads', async () => {
    const u = await createUser({ username: 'dave', role: 'viewer', passwordHash: 'scrypt$x' });
    expect(u).not.toHaveProperty('passwordHash');
    expect((await findUserWithPasswordByUsername('DAVE'))?.passwordHash).toBe('scrypt$x');
    await setPassword(u.id, 'scrypt$y');
    expect((await findUserWithPasswordByUsername('dave'))?.passwordHash).toBe('scrypt$y');
  });

  it('updates role, tenant and disabled, bumping updated_at', async () => {
    const u = await createUser({ username: 'erin', role: 'viewer' });
    await new Promise((r) => setTimeout(r, 5));
    const promoted = await setRole(u.id, 'admin');
    expect(promoted?.role).toBe('admin');
    expect(promoted!.updatedAtMs).toBeGreaterThan(u.updatedAtMs);
    expect((await setTenant(u.id, 'acme'))?.tenant).toBe('acme');
    expect((await setTenant(u.id, null))?.tenant).toBeNull();
    expect((await setDisabled(u.id, true))?.disabled).toBe(true);
    expect((await setDisabled(u.id, false))?.disabled).toBe(false);
    expect(await setRole('00000000-0000-0000-0000-000000000000', 'admin')).toBeNull();
  });

  it('updates name, role and tenant in one write, and counts enabled admins only', async () => {
    const before = await countEnabledAdmins();
    const u = await createUser({ username: 'hank', role: 'viewer' });
    const updated = await updateProfile(u.id, { name: 'Hank', role: 'admin', tenant: 'acme' });
    expect(updated).toMatchObject({ name: 'Hank', role: 'admin', tenant: 'acme' });
    expect(await countEnabledAdmins()).toBe(before + 1);
    await setDisabled(u.id, true);
    expect(await countEnabledAdmins()).toBe(before);
    expect(await updateProfile('00000000-0000-0000-0000-000000000000', { name: 'x' })).toBeNull();
  });

  it('records the last sign-in time as a number', async () => {
    const u = await createUser({ username: 'frank', role: 'viewer' });
    await touchLastSignIn(u.id, 1_700_000_000_123);
    expect((await findUserById(u.id))?.lastSignInAtMs).toBe(1_700_000_000_123);
  });

  it('lists and counts users by username', async () => {
    const users = await listUsers();
    expect(users.map((u) => u.username)).toEqual([...users.map((u) => u.username)].sort());
    expect(await countUsers()).toBe(users.length);
    expect(users.length).toBeGreaterThanOrEqual(6);
  });

  it('upserts OIDC users by subject and refreshes role and tenant from claims', async () => {
    const first = await upsertOidcUser({
      subject: 'sub-1',
      username: 'Grace',
      name: 'Grace H.',
      role: 'viewer',
      tenant: null,
    });
    expect(first).toMatchObject({ username: 'grace', provider: 'oidc', oidcSubject: 'sub-1' });
    await setDisabled(first.id, true);
    const again = await upsertOidcUser({
      subject: 'sub-1',
      username: 'grace',
      name: 'Grace Hopper',
      role: 'moderator',
      tenant: 'acme',
    });
    expect(again).toMatchObject({
      id: first.id,
      name: 'Grace Hopper',
      role: 'moderator',
      tenant: 'acme',
      // Disabling is a local decision the IdP cannot undo.
      disabled: true,
    });
    expect((await findUserByOidcSubject('sub-1'))?.id).toBe(first.id);
  });

  it('never merges an OIDC account into an existing local one with the same name', async () => {
    const local = await createUser({ username: 'root', role: 'admin', passwordHash: 'scrypt$z' });
    const sso = await upsertOidcUser({
      subject: 'sub-2',
      username: 'root',
      name: 'Impostor',
      role: 'viewer',
      tenant: null,
    });
    expect(sso.id).not.toBe(local.id);
    expect(sso.username).toMatch(/^root-[0-9a-f]{6}$/);
    expect((await findUserByUsername('root'))?.role).toBe('admin');
  });
});
