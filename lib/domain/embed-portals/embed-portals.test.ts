import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { closeDb, openDb } from '@/lib/db';
import { queryAuditEvents } from '@/lib/db/audit';
import { findEmbedPortalSecret } from '@/lib/db/embed-portals';
import { testStores, type TestStore } from '@/lib/db/test-stores';

import { actorWithRole } from '../actor';
import { DomainError } from '../errors';
import { runOperation as run } from '../run-operation';

import { createEmbedPortal } from './create-embed-portal';
import { listEmbedPortals } from './list-embed-portals';
import { revokeEmbedPortal } from './revoke-embed-portal';

// The rules live in the domain; SQLite is enough (lib/db/embed-portals.test.ts covers PostgreSQL).
const sqlite = testStores().find((s) => s.kind === 'sqlite')!;
process.env.NEXTAUTH_SECRET = 'embed-portals-domain-test-secret-0123456789';

const admin = (tenant: string | null) =>
  actorWithRole({
    userId: `admin-${tenant}`,
    username: `admin-${tenant ?? 'all'}`,
    name: 'Admin',
    role: 'admin',
    tenant,
    source: 'ui',
  });
const moderator = actorWithRole({
  userId: 'mod',
  username: 'mod',
  name: 'Mod',
  role: 'moderator',
  tenant: null,
  source: 'ui',
});

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof DomainError) return err.code;
    throw err;
  }
  return 'ok';
}

const ORIGINS = ['https://portal.example.com'];

describe('embedding portals domain', () => {
  let store: TestStore;

  beforeAll(async () => {
    store = sqlite.store();
    await openDb(await store.create());
  });

  afterAll(async () => {
    await closeDb();
    await store.destroy();
  });

  it('creates a portal whose secret is answered once, stored sealed, and never audited', async () => {
    const { portal, secret } = await run(createEmbedPortal, admin(null), {
      name: '  Acme portal ',
      allowedOrigins: ['https://portal.example.com', 'http://localhost:3000'],
      tenant: 'acme',
    });
    expect(portal).toMatchObject({
      name: 'Acme portal',
      allowedOrigins: ['https://portal.example.com', 'http://localhost:3000'],
      tenant: 'acme',
      maxRole: 'moderator',
      createdBy: 'admin-all',
      revokedAtMs: null,
    });
    expect(portal).not.toHaveProperty('secret');
    expect(secret).toMatch(/^mdp_[A-Za-z0-9_-]{43}$/);
    expect(await findEmbedPortalSecret(portal.id)).toBe(secret);

    const { events } = await queryAuditEvents({ action: 'portal.created', limit: 1 });
    expect(events[0]).toMatchObject({
      outcome: 'success',
      params: { name: 'Acme portal', tenant: 'acme', maxRole: 'moderator', portalId: portal.id },
    });
    const everything = await queryAuditEvents({ limit: 1000 });
    expect(JSON.stringify(everything)).not.toContain(secret);
    const { portals } = await run(listEmbedPortals, admin(null), {});
    expect(JSON.stringify(portals)).not.toContain(secret);
  });

  it('refuses what is not an exact origin, and admin as the most a token may grant', async () => {
    for (const allowedOrigins of [
      [],
      ['https://portal.example.com/app'],
      ['https://portal.example.com/'],
      ['https://*.example.com'],
      ['http://portal.example.com'],
      ['https://Portal.example.com'],
      ['portal.example.com'],
    ]) {
      const attempt = run(createEmbedPortal, admin(null), { name: 'bad', allowedOrigins });
      expect(await codeOf(attempt), JSON.stringify(allowedOrigins)).toBe('invalid_input');
    }
    const asAdmin = run(createEmbedPortal, admin(null), {
      name: 'bad',
      allowedOrigins: ORIGINS,
      maxRole: 'admin' as 'moderator',
    });
    expect(await codeOf(asAdmin)).toBe('invalid_input');
  });

  it('keeps a tenant-bound admin to its own tenant’s portals', async () => {
    const acme = admin('acme');
    const mine = await run(createEmbedPortal, acme, { name: 'acme-own', allowedOrigins: ORIGINS });
    expect(mine.portal.tenant).toBe('acme');
    const theirs = await run(createEmbedPortal, admin(null), {
      name: 'globex-own',
      allowedOrigins: ORIGINS,
      tenant: 'globex',
    });

    for (const tenant of ['globex', null]) {
      const attempt = run(createEmbedPortal, acme, { name: 'x', allowedOrigins: ORIGINS, tenant });
      expect(await codeOf(attempt), String(tenant)).toBe('forbidden');
    }
    const { portals } = await run(listEmbedPortals, acme, {});
    expect(portals.map((p) => p.tenant)).toEqual(expect.arrayContaining(['acme']));
    expect(portals.every((p) => p.tenant === 'acme')).toBe(true);

    // Another tenant's portal is not found, and its name stays out of the audit row.
    const foreign = run(revokeEmbedPortal, acme, { portalId: theirs.portal.id });
    expect(await codeOf(foreign)).toBe('not_found');
    const { events } = await queryAuditEvents({ action: 'portal.revoked', limit: 1 });
    expect(events[0]).toMatchObject({ outcome: 'error', errorCode: 'not_found' });
    expect(JSON.stringify(events[0])).not.toContain('globex-own');
    // A name only another tenant uses is not available, without saying whose it is.
    const taken = run(createEmbedPortal, acme, { name: 'globex-own', allowedOrigins: ORIGINS });
    expect(await codeOf(taken)).toBe('invalid_input');
  });

  it('revokes once: the secret is gone, a second revoke conflicts, an unknown id is not found', async () => {
    const { portal } = await run(createEmbedPortal, admin(null), {
      name: 'to-revoke',
      allowedOrigins: ORIGINS,
      maxRole: 'viewer',
    });
    const revoked = await run(revokeEmbedPortal, admin(null), { portalId: portal.id });
    expect(revoked).toMatchObject({ id: portal.id, revokedAtMs: expect.any(Number) });
    expect(await findEmbedPortalSecret(portal.id)).toBeNull();
    const again = run(revokeEmbedPortal, admin(null), { portalId: portal.id });
    expect(await codeOf(again)).toBe('conflict');
    const unknown = run(revokeEmbedPortal, admin(null), { portalId: 'no-such-portal' });
    expect(await codeOf(unknown)).toBe('not_found');
    // The name is free again.
    const reused = await run(createEmbedPortal, admin(null), {
      name: 'to-revoke',
      allowedOrigins: ORIGINS,
    });
    expect(reused.portal.id).not.toBe(portal.id);
  });

  it('is for admins only', async () => {
    expect(await codeOf(run(listEmbedPortals, moderator, {}))).toBe('forbidden');
    const attempt = run(createEmbedPortal, moderator, { name: 'm', allowedOrigins: ORIGINS });
    expect(await codeOf(attempt)).toBe('forbidden');
  });
});
