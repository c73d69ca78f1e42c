import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import {
  endSession,
  isSessionActive,
  resetSessionRuntime,
  startSession,
} from '@/lib/auth/sessions';
import type { Role } from '@/lib/contracts/permissions';
import { queryAuditEvents } from '@/lib/db/audit';
import { closeDb, openDb } from '@/lib/db';
import { findSession } from '@/lib/db/sessions';
import { testStores, type TestStore } from '@/lib/db/test-stores';
import { createUser as createStoredUser, type User } from '@/lib/db/users';

import { actorWithRole, type Actor } from '../actor';
import { DomainError } from '../errors';
import { runOperation as run } from '../run-operation';
import { listUserSessions } from './list-user-sessions';
import { resetPassword } from './reset-password';
import { revokeUserSessions } from './revoke-user-sessions';
import { setUserDisabled } from './set-user-disabled';
import { updateUser } from './update-user';

const DEVICE = { userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0', ip: '192.0.2.10' };

function actorOf(user: User): Actor {
  const { id, username, role, tenant } = user;
  return actorWithRole({ userId: id, username, name: username, role, tenant, source: 'ui' });
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof DomainError) return err.code;
    throw err;
  }
  return 'ok';
}

async function lastAudit(action: string) {
  const { events } = await queryAuditEvents({ action, limit: 1 });
  return events[0];
}

describe.each(testStores())('user sessions on $kind', ({ store: makeStore }) => {
  let store: TestStore;
  let counter = 0;
  let admin: Actor;

  /** A fresh user per test, so sessions of one test never meet another's. */
  async function seed(role: Role = 'viewer', tenant: string | null = null): Promise<User> {
    counter += 1;
    return createStoredUser({ username: `user-${counter}`, role, tenant });
  }

  /** Two signed-in browsers of the user. */
  async function signedInTwice(user: User): Promise<string[]> {
    const ids = [await startSession(user.id, DEVICE), await startSession(user.id, DEVICE)];
    for (const id of ids) expect(await isSessionActive(id, user.id)).toBe(true);
    return ids;
  }

  async function activeCount(user: User, ids: string[]): Promise<number> {
    const states = await Promise.all(ids.map((id) => isSessionActive(id, user.id)));
    return states.filter(Boolean).length;
  }

  beforeAll(async () => {
    store = makeStore();
    await openDb(await store.create());
    admin = actorOf(await createStoredUser({ username: 'root', role: 'admin' }));
  });

  beforeEach(() => resetSessionRuntime());
  afterEach(() => resetSessionRuntime());

  afterAll(async () => {
    await closeDb();
    await store.destroy();
  });

  describe('listUserSessions', () => {
    it('lists the open sessions with device, address and times, most recently seen first', async () => {
      const user = await seed();
      const [first, second] = await signedInTwice(user);
      await endSession(await startSession(user.id, DEVICE));
      const { sessions } = await run(listUserSessions, admin, { userId: user.id });
      expect(sessions.map((s) => s.id).sort()).toEqual([first, second].sort());
      expect(sessions[0]).toEqual({
        id: expect.any(String),
        createdAtMs: expect.any(Number),
        lastSeenAtMs: expect.any(Number),
        expiresAtMs: expect.any(Number),
        ...DEVICE,
      });
      await run(revokeUserSessions, admin, { userId: user.id });
      expect(await run(listUserSessions, admin, { userId: user.id })).toEqual({ sessions: [] });
    });

    it('is not_found for an unknown user and for another tenant’s user', async () => {
      const globex = await seed('viewer', 'globex');
      await startSession(globex.id, DEVICE);
      const acmeAdmin = actorOf(await seed('admin', 'acme'));
      expect(await codeOf(run(listUserSessions, admin, { userId: 'no-such-user' }))).toBe(
        'not_found',
      );
      expect(await codeOf(run(listUserSessions, acmeAdmin, { userId: globex.id }))).toBe(
        'not_found',
      );
      const own = await seed('viewer', 'acme');
      expect(await run(listUserSessions, acmeAdmin, { userId: own.id })).toEqual({ sessions: [] });
    });

    it('is forbidden without users.manage, and the attempt is audited as denied', async () => {
      const user = await seed();
      const moderator = actorOf(await seed('moderator'));
      expect(await codeOf(run(listUserSessions, moderator, { userId: user.id }))).toBe('forbidden');
      expect(await lastAudit('user.sessions_listed')).toMatchObject({
        outcome: 'denied',
        actorName: moderator.username,
        params: { userId: user.id },
      });
    });
  });

  describe('revokeUserSessions', () => {
    it('signs the user out everywhere at once, audited with the count', async () => {
      const user = await seed();
      const ids = await signedInTwice(user);
      const bystander = await seed();
      const [kept] = await signedInTwice(bystander);
      expect(await run(revokeUserSessions, admin, { userId: user.id })).toEqual({ revoked: 2 });
      expect(await activeCount(user, ids)).toBe(0);
      expect(await findSession(ids[0]!)).toMatchObject({ revokedReason: 'admin' });
      expect(await isSessionActive(kept, bystander.id)).toBe(true);
      expect(await lastAudit('user.sessions_revoked')).toMatchObject({
        outcome: 'success',
        actorName: 'root',
        params: { userId: user.id, username: user.username, revoked: 2 },
      });
      expect(await run(revokeUserSessions, admin, { userId: user.id })).toEqual({ revoked: 0 });
    });

    it('may end the admin’s own sessions (the UI warns that it signs them out)', async () => {
      const self = await seed('admin');
      const ids = await signedInTwice(self);
      expect(await run(revokeUserSessions, actorOf(self), { userId: self.id })).toEqual({
        revoked: 2,
      });
      expect(await activeCount(self, ids)).toBe(0);
    });

    it('is not_found for another tenant’s user, whose sessions stay, and the row names nobody', async () => {
      const globex = await seed('viewer', 'globex');
      const ids = await signedInTwice(globex);
      const acmeAdmin = actorOf(await seed('admin', 'acme'));
      expect(await codeOf(run(revokeUserSessions, acmeAdmin, { userId: globex.id }))).toBe(
        'not_found',
      );
      expect(await activeCount(globex, ids)).toBe(2);
      const event = await lastAudit('user.sessions_revoked');
      expect(event).toMatchObject({ outcome: 'error', errorCode: 'not_found' });
      expect(event?.params).toEqual({ userId: globex.id });
    });

    it('is forbidden for a moderator and ends nothing', async () => {
      const user = await seed();
      const ids = await signedInTwice(user);
      const moderator = actorOf(await seed('moderator'));
      expect(await codeOf(run(revokeUserSessions, moderator, { userId: user.id }))).toBe(
        'forbidden',
      );
      expect(await activeCount(user, ids)).toBe(2);
      expect(await lastAudit('user.sessions_revoked')).toMatchObject({ outcome: 'denied' });
    });
  });

  describe('changes that end a user’s sessions', () => {
    it('a password reset ends them', async () => {
      const user = await seed();
      const ids = await signedInTwice(user);
      await run(resetPassword, admin, { userId: user.id });
      expect(await activeCount(user, ids)).toBe(0);
      expect(await findSession(ids[0]!)).toMatchObject({ revokedReason: 'password_reset' });
      expect(await lastAudit('user.password_reset')).toMatchObject({
        params: { sessionsEnded: 2 },
      });
    });

    it('a role change and a tenant change end them; a new display name does not', async () => {
      const user = await seed();
      const ids = await signedInTwice(user);
      await run(updateUser, admin, { userId: user.id, name: 'Renamed' });
      expect(await activeCount(user, ids)).toBe(2);

      await run(updateUser, admin, { userId: user.id, role: 'moderator' });
      expect(await activeCount(user, ids)).toBe(0);
      expect(await findSession(ids[0]!)).toMatchObject({ revokedReason: 'role_changed' });

      const again = await signedInTwice(user);
      await run(updateUser, admin, { userId: user.id, tenant: 'acme' });
      expect(await activeCount(user, again)).toBe(0);
      expect(await findSession(again[0]!)).toMatchObject({ revokedReason: 'tenant_changed' });
      expect(await lastAudit('user.updated')).toMatchObject({ params: { sessionsEnded: 2 } });
    });

    it('disabling ends them for good: enabling again does not revive an old session', async () => {
      const user = await seed();
      const ids = await signedInTwice(user);
      await run(setUserDisabled, admin, { userId: user.id, disabled: true });
      expect(await activeCount(user, ids)).toBe(0);
      await run(setUserDisabled, admin, { userId: user.id, disabled: false });
      expect(await activeCount(user, ids)).toBe(0);
      expect(await findSession(ids[0]!)).toMatchObject({ revokedReason: 'disabled' });
    });
  });
});
