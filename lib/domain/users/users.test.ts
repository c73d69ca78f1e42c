import { runOperation as run } from '../run-operation';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { queryAuditEvents } from '@/lib/db/audit';
import { closeDb, openDb } from '@/lib/db';
import { testStores, type TestStore } from '@/lib/db/test-stores';
import {
  createUser as createStoredUser,
  findUserWithPasswordByUsername,
  setDisabled,
  upsertOidcUser,
  type User,
} from '@/lib/db/users';
import type { Role } from '@/lib/contracts/permissions';

import { actorWithRole, type Actor } from '../actor';
import { DomainError } from '../errors';
import { createUser } from './create-user';
import { listUsers } from './list-users';
import { resetPassword } from './reset-password';
import { setUserDisabled } from './set-user-disabled';
import { updateUser } from './update-user';

// The rules live in the domain and the store; SQLite is enough (lib/db covers PostgreSQL).
const sqlite = testStores().find((s) => s.kind === 'sqlite')!;

function actorOf(user: User): Actor {
  const { id, username, role, tenant } = user;
  return actorWithRole({ userId: id, username, name: username, role, tenant, source: 'ui' });
}

/** An admin that is no row of the users table (an API key, later): self-protection cannot apply. */
const keyAdmin: Actor = actorWithRole({
  userId: 'key-1',
  username: 'key-1',
  name: 'API key',
  role: 'admin',
  tenant: null,
  source: 'api',
});

async function seed(username: string, role: Role, tenant: string | null = null): Promise<User> {
  return createStoredUser({
    username,
    role,
    tenant,
    passwordHash: await hashPassword('old-password-1'),
  });
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

async function auditCount(): Promise<number> {
  return (await queryAuditEvents({ limit: 1000 })).events.length;
}

async function passwordWorks(username: string, password: string): Promise<boolean> {
  const user = await findUserWithPasswordByUsername(username);
  return Boolean(user?.passwordHash && (await verifyPassword(password, user.passwordHash)));
}

describe('users domain', () => {
  let store: TestStore;
  let root: User;
  let admin: Actor;

  beforeEach(async () => {
    store = sqlite.store();
    await openDb(await store.create());
    root = await seed('root', 'admin');
    admin = actorOf(root);
  });

  afterEach(async () => {
    await closeDb();
    await store.destroy();
  });

  describe('createUser', () => {
    it('creates a local user with a generated password that is returned once and never audited', async () => {
      const { user, password } = await run(createUser, admin, {
        username: ' Alice.B ',
        name: 'Alice B',
        role: 'moderator',
        tenant: 'acme',
      });
      expect(user).toMatchObject({
        username: 'alice.b',
        name: 'Alice B',
        role: 'moderator',
        tenant: 'acme',
        provider: 'local',
        disabled: false,
        lastSignInAtMs: null,
      });
      expect(user).not.toHaveProperty('passwordHash');
      expect(password).toMatch(/^[A-Za-z0-9]{20}$/);
      expect(await passwordWorks('alice.b', password!)).toBe(true);
      const event = await lastAudit('user.created');
      expect(event).toMatchObject({
        outcome: 'success',
        actorName: 'root',
        params: { username: 'alice.b', role: 'moderator', tenant: 'acme', passwordGenerated: true },
      });
      expect(JSON.stringify(event)).not.toContain(password!);
    });

    it('takes a chosen password, returns no password, and refuses a taken username', async () => {
      const chosen = 'chosen-secret-42';
      const { user, password } = await run(createUser, admin, {
        username: 'bob',
        role: 'viewer',
        password: chosen,
      });
      expect(password).toBeNull();
      expect(user).toMatchObject({ name: 'bob', tenant: null });
      expect(await passwordWorks('bob', chosen)).toBe(true);
      expect(await codeOf(run(createUser, admin, { username: 'BOB', role: 'viewer' }))).toBe(
        'conflict',
      );
      expect(await lastAudit('user.created')).toMatchObject({
        outcome: 'error',
        errorCode: 'conflict',
      });
      const { events } = await queryAuditEvents({ limit: 1000 });
      expect(JSON.stringify(events)).not.toContain(chosen);
    });

    it('rejects invalid input before anything is audited', async () => {
      const before = await auditCount();
      for (const input of [
        { username: '-bad', role: 'viewer' },
        { username: 'x', role: 'viewer' },
        { username: 'ok-name', role: 'owner' },
        { username: 'ok-name', role: 'viewer', password: 'too-short' },
        { username: 'ok-name', role: 'viewer', tenant: 't'.repeat(129) },
      ]) {
        expect(await codeOf(run(createUser, admin, input))).toBe('invalid_input');
      }
      expect(await auditCount()).toBe(before);
    });
  });

  describe('listUsers', () => {
    it('lists every user for an unbound admin and searches username and name', async () => {
      await run(createUser, admin, { username: 'carol', name: 'Carol Singer', role: 'viewer' });
      await run(createUser, admin, { username: 'dave', role: 'viewer' });
      expect((await run(listUsers, admin, {})).users.map((u) => u.username)).toEqual([
        'carol',
        'dave',
        'root',
      ]);
      expect(
        (await run(listUsers, admin, { search: 'SINGER' })).users.map((u) => u.username),
      ).toEqual(['carol']);
      expect((await run(listUsers, admin, { search: 'av' })).users.map((u) => u.username)).toEqual([
        'dave',
      ]);
    });
  });

  describe('updateUser', () => {
    it('changes name, role and tenant in one write and audits the changed fields only', async () => {
      const target = await seed('erin', 'viewer');
      const user = await run(updateUser, admin, {
        userId: target.id,
        name: 'Erin E',
        role: 'moderator',
        tenant: 'acme',
      });
      expect(user).toMatchObject({ name: 'Erin E', role: 'moderator', tenant: 'acme' });
      expect(await lastAudit('user.updated')).toMatchObject({
        outcome: 'success',
        params: {
          userId: target.id,
          username: 'erin',
          changes: {
            name: { from: 'erin', to: 'Erin E' },
            role: { from: 'viewer', to: 'moderator' },
            tenant: { from: null, to: 'acme' },
          },
        },
      });
      const unbound = await run(updateUser, admin, {
        userId: target.id,
        tenant: '',
        role: 'moderator',
      });
      expect(unbound.tenant).toBeNull();
      expect((await lastAudit('user.updated'))?.params?.changes).toEqual({
        tenant: { from: 'acme', to: null },
      });
    });

    it('is not_found for an unknown id', async () => {
      expect(await codeOf(run(updateUser, admin, { userId: 'nope', role: 'viewer' }))).toBe(
        'not_found',
      );
    });
  });

  describe('setUserDisabled', () => {
    it('disables and re-enables a user, audited as user.disabled / user.enabled', async () => {
      const target = await seed('frank', 'moderator');
      expect(
        (await run(setUserDisabled, admin, { userId: target.id, disabled: true })).disabled,
      ).toBe(true);
      expect(await lastAudit('user.disabled')).toMatchObject({
        outcome: 'success',
        params: { userId: target.id, username: 'frank' },
      });
      expect(
        (await run(setUserDisabled, admin, { userId: target.id, disabled: false })).disabled,
      ).toBe(false);
      expect(await lastAudit('user.enabled')).toMatchObject({ outcome: 'success' });
    });
  });

  describe('resetPassword', () => {
    it('replaces the password with a generated one, returned once and never audited', async () => {
      const target = await seed('gina', 'viewer');
      const { user, password } = await run(resetPassword, admin, { userId: target.id });
      expect(user.username).toBe('gina');
      expect(await passwordWorks('gina', password!)).toBe(true);
      expect(await passwordWorks('gina', 'old-password-1')).toBe(false);
      const event = await lastAudit('user.password_reset');
      expect(event).toMatchObject({ outcome: 'success', params: { username: 'gina' } });
      expect(JSON.stringify(event)).not.toContain(password!);
    });

    it('refuses OIDC users, who have no password here', async () => {
      const sso = await upsertOidcUser({
        subject: 's1',
        username: 'sso',
        name: 'SSO',
        role: 'viewer',
        tenant: null,
      });
      expect(await codeOf(run(resetPassword, admin, { userId: sso.id }))).toBe(
        'failed_precondition',
      );
      expect(await lastAudit('user.password_reset')).toMatchObject({
        outcome: 'error',
        errorCode: 'failed_precondition',
      });
    });
  });

  describe('safety rules', () => {
    it('an admin cannot disable themself or remove their own admin role', async () => {
      await seed('other-admin', 'admin');
      expect(await codeOf(run(setUserDisabled, admin, { userId: root.id, disabled: true }))).toBe(
        'conflict',
      );
      expect(await codeOf(run(updateUser, admin, { userId: root.id, role: 'moderator' }))).toBe(
        'conflict',
      );
      expect(await lastAudit('user.updated')).toMatchObject({
        outcome: 'error',
        errorCode: 'conflict',
      });
      // Other edits of oneself are fine.
      expect(
        (await run(updateUser, admin, { userId: root.id, name: 'Root', role: 'admin' })).name,
      ).toBe('Root');
    });

    it('the last enabled admin can be neither disabled nor demoted', async () => {
      const disabledAdmin = await seed('old-admin', 'admin');
      await setDisabled(disabledAdmin.id, true);
      expect(
        await codeOf(run(setUserDisabled, keyAdmin, { userId: root.id, disabled: true })),
      ).toBe('conflict');
      expect(await codeOf(run(updateUser, keyAdmin, { userId: root.id, role: 'viewer' }))).toBe(
        'conflict',
      );
      // A second enabled admin lifts the rule.
      await run(setUserDisabled, keyAdmin, { userId: disabledAdmin.id, disabled: false });
      expect((await run(updateUser, keyAdmin, { userId: root.id, role: 'viewer' })).role).toBe(
        'viewer',
      );
      expect(
        await codeOf(run(setUserDisabled, keyAdmin, { userId: disabledAdmin.id, disabled: true })),
      ).toBe('conflict');
    });
  });

  describe('tenant-bound admin', () => {
    let acmeAdmin: Actor;
    let acmeUser: User;
    let globexUser: User;

    beforeEach(async () => {
      acmeAdmin = actorOf(await seed('acme-admin', 'admin', 'acme'));
      acmeUser = await seed('acme-mod', 'moderator', 'acme');
      globexUser = await seed('globex-mod', 'moderator', 'globex');
      await seed('everywhere', 'viewer');
    });

    it('sees only its own tenant’s users', async () => {
      expect((await run(listUsers, acmeAdmin, {})).users.map((u) => u.username)).toEqual([
        'acme-admin',
        'acme-mod',
      ]);
    });

    it('creates users in its tenant only', async () => {
      const { user } = await run(createUser, acmeAdmin, { username: 'acme-new', role: 'viewer' });
      expect(user.tenant).toBe('acme');
      expect(
        await codeOf(
          run(createUser, acmeAdmin, { username: 'g2', role: 'viewer', tenant: 'globex' }),
        ),
      ).toBe('forbidden');
      expect(
        await codeOf(run(createUser, acmeAdmin, { username: 'u2', role: 'viewer', tenant: null })),
      ).toBe('forbidden');
      expect(await lastAudit('user.created')).toMatchObject({ outcome: 'denied', tenant: 'acme' });
    });

    it('cannot move its users to another tenant or unbind them', async () => {
      for (const tenant of ['globex', null]) {
        expect(await codeOf(run(updateUser, acmeAdmin, { userId: acmeUser.id, tenant }))).toBe(
          'forbidden',
        );
      }
      expect(
        (await run(updateUser, acmeAdmin, { userId: acmeUser.id, role: 'viewer', tenant: 'acme' }))
          .role,
      ).toBe('viewer');
    });

    it('gets not_found for another tenant’s user, and its audit row does not name that user', async () => {
      const attempts = [
        run(updateUser, acmeAdmin, { userId: globexUser.id, role: 'viewer' }),
        run(setUserDisabled, acmeAdmin, { userId: globexUser.id, disabled: true }),
        run(resetPassword, acmeAdmin, { userId: globexUser.id }),
      ];
      for (const attempt of attempts) expect(await codeOf(attempt)).toBe('not_found');
      const { events } = await queryAuditEvents({ tenant: 'acme', limit: 10 });
      expect(events.slice(0, 3).every((e) => e.errorCode === 'not_found')).toBe(true);
      expect(JSON.stringify(events)).not.toContain('globex-mod');
      expect(await passwordWorks('globex-mod', 'old-password-1')).toBe(true);
    });
  });

  describe('non-admins', () => {
    it('a viewer is forbidden, and the attempt is audited as denied', async () => {
      const viewer = actorOf(await seed('vic', 'viewer'));
      const target = await seed('wendy', 'viewer');
      expect(await codeOf(run(listUsers, viewer, {}))).toBe('forbidden');
      expect(await codeOf(run(createUser, viewer, { username: 'mallory', role: 'admin' }))).toBe(
        'forbidden',
      );
      expect(await lastAudit('user.created')).toMatchObject({
        outcome: 'denied',
        errorCode: 'forbidden',
        actorName: 'vic',
      });
      expect(await codeOf(run(updateUser, viewer, { userId: target.id, role: 'admin' }))).toBe(
        'forbidden',
      );
      expect(await lastAudit('user.updated')).toMatchObject({
        outcome: 'denied',
        params: { userId: target.id },
      });
      expect(
        await codeOf(run(setUserDisabled, viewer, { userId: target.id, disabled: true })),
      ).toBe('forbidden');
      expect(await codeOf(run(resetPassword, viewer, { userId: target.id }))).toBe('forbidden');
      expect(await lastAudit('user.password_reset')).toMatchObject({ outcome: 'denied' });
    });
  });
});
