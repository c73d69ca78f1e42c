import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { queryAuditEvents } from '@/lib/db/audit';
import { closeDb, openDb } from '@/lib/db';
import { testStores, type TestStore } from '@/lib/db/test-stores';
import { createUser, setDisabled, upsertOidcUser } from '@/lib/db/users';

import { verifyCredentials as verify } from './credentials';
import { hashPassword } from './password';
import { createSignInThrottle, SIGN_IN_POLICY, THROTTLED_ERROR } from './sign-in-throttle';
import { createThrottleStore } from './throttle-store';

// The credentials check is store-independent; SQLite is enough here.
const sqlite = testStores().find((s) => s.kind === 'sqlite')!;

// A throttle of its own (the production policy, in memory), so earlier tests cannot leak counts.
const throttle = createSignInThrottle({
  store: createThrottleStore({ keyPrefix: 'credentials-test', windowSeconds: 900 }),
  secret: 'test-secret',
});
const HOME = '192.0.2.1';
const verifyCredentials = (input: unknown, client = HOME) => verify(input, client, throttle);
const FREE = SIGN_IN_POLICY.free.pair.normal;

describe('verifyCredentials', () => {
  let store: TestStore;

  beforeAll(async () => {
    store = sqlite.store();
    await openDb(await store.create());
    await createUser({
      username: 'mod',
      role: 'moderator',
      passwordHash: await hashPassword('pw-1'),
    });
    const off = await createUser({
      username: 'off',
      role: 'viewer',
      passwordHash: await hashPassword('pw-2'),
    });
    await setDisabled(off.id, true);
    await upsertOidcUser({
      subject: 's',
      username: 'sso',
      name: 'SSO',
      role: 'admin',
      tenant: null,
    });
  });

  afterAll(async () => {
    await closeDb();
    await store.destroy();
  });

  async function lastFailure() {
    const { events } = await queryAuditEvents({ action: 'auth.sign_in_failed', limit: 1 });
    return events[0];
  }

  it('accepts the right password (username case-insensitive) without leaking the hash', async () => {
    const user = await verifyCredentials({ username: ' MOD ', password: 'pw-1' });
    expect(user).toMatchObject({ username: 'mod', role: 'moderator' });
    expect(user).not.toHaveProperty('passwordHash');
  });

  it.each([
    ['wrong password', { username: 'mod', password: 'nope' }, 'wrong_password'],
    ['unknown user', { username: 'ghost', password: 'pw-1' }, 'unknown_user'],
    ['disabled user', { username: 'off', password: 'pw-2' }, 'disabled'],
    ['OIDC-only user', { username: 'sso', password: 'x' }, 'no_password'],
  ])('refuses a %s and audits why', async (_label, input, reason) => {
    expect(await verifyCredentials(input)).toBeNull();
    expect(await lastFailure()).toMatchObject({
      actorName: input.username,
      outcome: 'denied',
      errorCode: reason,
      source: 'ui',
    });
  });

  it('refuses malformed input without touching the store', async () => {
    const before = await lastFailure();
    expect(await verifyCredentials({ username: '', password: 'x' })).toBeNull();
    expect(await verifyCredentials({ username: 'mod' })).toBeNull();
    expect(await verifyCredentials(null)).toBeNull();
    expect(await lastFailure()).toEqual(before);
  });

  it('slows repeated failures from one client, even for the right password, and audits it', async () => {
    await createUser({
      username: 'target',
      role: 'viewer',
      passwordHash: await hashPassword('pw-3'),
    });
    const attacker = '203.0.113.66';
    for (let i = 0; i < FREE; i++) {
      expect(
        await verifyCredentials({ username: 'target', password: `guess-${i}` }, attacker),
      ).toBeNull();
    }
    await expect(
      verifyCredentials({ username: 'TARGET', password: 'pw-3' }, attacker),
    ).rejects.toThrow(new RegExp(`^${THROTTLED_ERROR}:[1-9]$`));
    expect(await lastFailure()).toMatchObject({
      actorName: 'TARGET',
      errorCode: 'throttled',
      params: { provider: 'credentials', client: attacker, limits: ['pair'] },
    });
    // No lockout: the same account from another client, and other accounts, are unaffected.
    expect(await verifyCredentials({ username: 'target', password: 'pw-3' })).not.toBeNull();
    expect(await verifyCredentials({ username: 'mod', password: 'pw-1' }, attacker)).not.toBeNull();
  });

  it('throttles an unknown username exactly like a known one (no enumeration)', async () => {
    const client = '203.0.113.67';
    for (let i = 0; i < FREE; i++) {
      await verifyCredentials({ username: 'nobody-here', password: `guess-${i}` }, client);
    }
    await expect(
      verifyCredentials({ username: 'nobody-here', password: 'x' }, client),
    ).rejects.toThrow(THROTTLED_ERROR);
  });

  it('forgets earlier failures after a successful sign-in', async () => {
    await createUser({
      username: 'typo',
      role: 'viewer',
      passwordHash: await hashPassword('pw-4'),
    });
    for (let i = 0; i < FREE - 1; i++) {
      await verifyCredentials({ username: 'typo', password: `wrong-${i}` });
    }
    expect(await verifyCredentials({ username: 'typo', password: 'pw-4' })).not.toBeNull();
    for (let i = 0; i < FREE - 1; i++) {
      await verifyCredentials({ username: 'typo', password: `wrong-again-${i}` });
    }
    expect(await verifyCredentials({ username: 'typo', password: 'pw-4' })).not.toBeNull();
  });
});
