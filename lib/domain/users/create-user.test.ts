import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { hashPassword } from '@/lib/auth/password';
import { closeDb, openDb } from '@/lib/db';
import { testStores, type TestStore } from '@/lib/db/test-stores';
import { createUser as createStoredUser } from '@/lib/db/users';

import { actorWithRole } from '../actor';
import { DomainError } from '../errors';
import { runOperation as run } from '../run-operation';

import { createUser } from './create-user';

// Usernames are global: what a tenant-bound admin is told about a taken one.
const sqlite = testStores().find((s) => s.kind === 'sqlite')!;
const admin = (tenant: string | null) =>
  actorWithRole({
    userId: `admin-${tenant}`,
    username: `admin-${tenant}`,
    name: 'Admin',
    role: 'admin',
    tenant,
    source: 'ui',
  });

async function refusal(promise: Promise<unknown>) {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(err)}`);
  const { code, message, fieldErrors } = err;
  return JSON.stringify({ code, message, fieldErrors }).replaceAll(/(ann|gus)\.\w+/g, 'NAME');
}

describe('createUser with a taken username', () => {
  let store: TestStore;

  beforeAll(async () => {
    store = sqlite.store();
    await openDb(await store.create());
    const passwordHash = await hashPassword('some-password-1');
    await createStoredUser({ username: 'ann.acme', role: 'viewer', tenant: 'acme', passwordHash });
    await createStoredUser({
      username: 'gus.globex',
      role: 'viewer',
      tenant: 'globex',
      passwordHash,
    });
  });

  afterAll(async () => {
    await closeDb();
    await store.destroy();
  });

  it('answers a tenant-bound admin the same for another tenant’s user as for its own', async () => {
    const acme = admin('acme');
    const foreign = await refusal(
      run(createUser, acme, { username: 'gus.globex', role: 'viewer' }),
    );
    const own = await refusal(run(createUser, acme, { username: 'ann.acme', role: 'viewer' }));
    expect(foreign).toBe(own);
    expect(foreign).not.toMatch(/exist|taken|globex/i);
    expect(JSON.parse(foreign)).toMatchObject({
      code: 'invalid_input',
      fieldErrors: { username: ['This name is not available. Choose another.'] },
    });
  });

  it('tells an unbound admin that the username is taken', async () => {
    const err = await run(createUser, admin(null), {
      username: 'gus.globex',
      role: 'viewer',
    }).catch((e: unknown) => e);
    expect(err).toMatchObject({
      code: 'conflict',
      fieldErrors: { username: ['This username is taken'] },
    });
  });
});
