import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { closeDb, openDb } from './index';
import {
  createSession,
  findSession,
  listActiveSessions,
  pruneSessions,
  revokeSession,
  revokeUserSessions,
  touchSession,
} from './sessions';
import { testStores, type TestStore } from './test-stores';
import { createUser, type User } from './users';

const HOUR = 60 * 60 * 1000;
const T0 = 1_700_000_000_000;

describe.each(testStores())('sessions on $kind', ({ store: makeStore }) => {
  let store: TestStore;
  let ann: User;
  let bob: User;

  beforeAll(async () => {
    store = makeStore();
    await openDb(await store.create());
    ann = await createUser({ username: 'ann', role: 'viewer' });
    bob = await createUser({ username: 'bob', role: 'viewer' });
  });

  afterAll(async () => {
    await closeDb();
    await store.destroy();
  });

  it('records a session with its device and address, capped in length', async () => {
    const session = await createSession({
      userId: ann.id,
      maxAgeMs: 8 * HOUR,
      userAgent: `Mozilla/5.0 ${'x'.repeat(1000)}`,
      ip: '203.0.113.7',
      nowMs: T0,
    });
    expect(session.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await findSession(session.id)).toEqual({
      id: session.id,
      userId: ann.id,
      createdAtMs: T0,
      lastSeenAtMs: T0,
      expiresAtMs: T0 + 8 * HOUR,
      userAgent: expect.stringMatching(/^Mozilla\/5\.0 x+$/),
      ip: '203.0.113.7',
      revokedAtMs: null,
      revokedReason: null,
    });
    expect((await findSession(session.id))!.userAgent).toHaveLength(512);
    expect(await findSession('no-such-session')).toBeNull();
  });

  it('slides the expiry on activity, but never reopens a revoked session', async () => {
    const { id } = await createSession({ userId: ann.id, maxAgeMs: HOUR, nowMs: T0 });
    await touchSession(id, HOUR, T0 + 10 * 60_000);
    expect(await findSession(id)).toMatchObject({
      lastSeenAtMs: T0 + 10 * 60_000,
      expiresAtMs: T0 + 70 * 60_000,
      userAgent: null,
      ip: null,
    });
    expect(await revokeSession(id, 'sign_out', T0 + 11 * 60_000)).toBe(true);
    expect(await revokeSession(id, 'admin', T0 + 12 * 60_000)).toBe(false);
    await touchSession(id, HOUR, T0 + 13 * 60_000);
    expect(await findSession(id)).toMatchObject({
      lastSeenAtMs: T0 + 10 * 60_000,
      revokedAtMs: T0 + 11 * 60_000,
      revokedReason: 'sign_out',
    });
  });

  it('ends every open session of one user and lists only what is still usable', async () => {
    const now = T0 + 100 * HOUR;
    const older = await createSession({ userId: bob.id, maxAgeMs: HOUR, nowMs: now - 30_000 });
    const newer = await createSession({ userId: bob.id, maxAgeMs: HOUR, nowMs: now - 10_000 });
    const expired = await createSession({ userId: bob.id, maxAgeMs: HOUR, nowMs: now - 2 * HOUR });
    const signedOut = await createSession({ userId: bob.id, maxAgeMs: HOUR, nowMs: now });
    await revokeSession(signedOut.id, 'sign_out', now);
    const anns = await createSession({ userId: ann.id, maxAgeMs: HOUR, nowMs: now });

    expect((await listActiveSessions(bob.id, now)).map((s) => s.id)).toEqual([newer.id, older.id]);
    expect(await revokeUserSessions(bob.id, 'password_reset', now + 1)).toBe(2);
    expect(await listActiveSessions(bob.id, now + 2)).toEqual([]);
    expect(await findSession(older.id)).toMatchObject({
      revokedAtMs: now + 1,
      revokedReason: 'password_reset',
    });
    // Already-ended sessions keep why they ended.
    expect(await findSession(signedOut.id)).toMatchObject({ revokedReason: 'sign_out' });
    expect(await findSession(expired.id)).toMatchObject({ revokedAtMs: null });
    // Another user's session is untouched.
    expect((await listActiveSessions(ann.id, now + 2)).map((s) => s.id)).toEqual([anns.id]);
    expect(await revokeUserSessions(bob.id, 'admin', now + 3)).toBe(0);
  });

  it('prunes rows that expired before the cut-off, and nothing else', async () => {
    const now = T0 + 1000 * HOUR;
    const old = await createSession({ userId: ann.id, maxAgeMs: HOUR, nowMs: now - 30 * HOUR });
    const live = await createSession({ userId: ann.id, maxAgeMs: HOUR, nowMs: now });
    expect(await pruneSessions(now - 24 * HOUR)).toBeGreaterThanOrEqual(1);
    expect(await findSession(old.id)).toBeNull();
    expect(await findSession(live.id)).not.toBeNull();
  });
});
