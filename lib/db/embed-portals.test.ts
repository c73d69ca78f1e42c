import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { generatePortalSecret } from '@/lib/auth/portal-secret';

import {
  claimEmbedTokenId,
  EMBED_TOKEN_ID_GRACE_MS,
  EMBED_TOKEN_PRUNE_INTERVAL_MS,
  EmbedPortalNameTakenError,
  findEmbedPortalById,
  findEmbedPortalSecret,
  insertEmbedPortal,
  listEmbedPortals,
  revokeEmbedPortal,
  touchEmbedPortal,
} from './embed-portals';
import { closeDb, getDb, openDb } from './index';
import { testStores, type TestStore } from './test-stores';

// Secrets are sealed under a key derived from the auth secret; a fixed one keeps the data dir out.
process.env.NEXTAUTH_SECRET = 'embed-portals-test-secret-0123456789abcdef';

const T0 = 1_700_000_000_000;

describe.each(testStores())('embedding portals on $kind', ({ store: makeStore }) => {
  let store: TestStore;

  beforeAll(async () => {
    store = makeStore();
    await openDb(await store.create());
  });

  afterAll(async () => {
    await closeDb();
    await store.destroy();
  });

  const newPortal = (
    name: string,
    extra: Partial<Parameters<typeof insertEmbedPortal>[0]> = {},
  ) => {
    const secret = generatePortalSecret();
    return {
      secret,
      stored: insertEmbedPortal({
        name,
        secret,
        allowedOrigins: ['https://portal.example.com', 'http://localhost:3000'],
        tenant: 'acme',
        maxRole: 'viewer',
        createdBy: 'admin',
        ...extra,
      }),
    };
  };

  it('stores the secret sealed and gives it back, with the portal as created', async () => {
    const before = Date.now();
    const { secret, stored } = newPortal('Acme portal');
    const created = await stored;
    expect(created).toMatchObject({
      name: 'Acme portal',
      allowedOrigins: ['https://portal.example.com', 'http://localhost:3000'],
      tenant: 'acme',
      maxRole: 'viewer',
      createdBy: 'admin',
      lastUsedAtMs: null,
      revokedAtMs: null,
    });
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.createdAtMs).toBeGreaterThanOrEqual(before);
    expect(created.createdAtMs).toBeLessThanOrEqual(Date.now());
    expect(await findEmbedPortalById(created.id)).toEqual(created);
    expect(await findEmbedPortalSecret(created.id)).toBe(secret);
    expect(await findEmbedPortalSecret('no-such-portal')).toBeNull();

    // Neither the list nor the row itself holds the secret in clear.
    expect(JSON.stringify(await listEmbedPortals())).not.toContain(secret);
    const db = await getDb();
    const row = await db
      .selectFrom('embed_portals')
      .selectAll()
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(secret.slice(4));
  });

  it('refuses a second open portal of the same name, and frees the name once revoked', async () => {
    const { secret, stored } = newPortal('dup', { tenant: null, maxRole: 'moderator' });
    const first = await stored;
    await expect(newPortal('dup').stored).rejects.toBeInstanceOf(EmbedPortalNameTakenError);

    expect(await revokeEmbedPortal(first.id, T0 + 5)).toBe(true);
    expect(await findEmbedPortalById(first.id)).toMatchObject({ revokedAtMs: T0 + 5 });
    // Revoking twice changes nothing; an unknown id is no portal.
    expect(await revokeEmbedPortal(first.id, T0 + 9)).toBe(false);
    expect((await findEmbedPortalById(first.id))?.revokedAtMs).toBe(T0 + 5);
    expect(await revokeEmbedPortal('no-such-portal', T0)).toBe(false);
    // A revoked portal's secret is no longer given out.
    expect(await findEmbedPortalSecret(first.id)).toBeNull();
    expect(secret).toMatch(/^mdp_/);

    const second = await newPortal('dup').stored;
    const dups = (await listEmbedPortals()).filter((p) => p.name === 'dup');
    expect(dups.map((p) => p.id).sort()).toEqual([first.id, second.id].sort());
  });

  it('lists newest first', async () => {
    const older = await newPortal('older').stored;
    // created_at is the wall clock: wait until it has moved on (no sleep, a condition).
    await expect.poll(() => Date.now()).toBeGreaterThan(older.createdAtMs);
    const newer = await newPortal('newer').stored;
    const ids = (await listEmbedPortals()).map((p) => p.id);
    expect(ids.indexOf(newer.id)).toBeLessThan(ids.indexOf(older.id));
  });

  it('records the last use', async () => {
    const { id } = await newPortal('used').stored;
    await touchEmbedPortal(id, T0 + 60_000);
    expect((await findEmbedPortalById(id))?.lastUsedAtMs).toBe(T0 + 60_000);
  });

  describe('token ids', () => {
    const now = T0;
    const exp = now + 60_000;

    it('are claimed once: the first claim wins, a second is refused, per portal', async () => {
      expect(await claimEmbedTokenId('portal-a', 'jti-1', exp, now)).toBe(true);
      expect(await claimEmbedTokenId('portal-a', 'jti-1', exp, now + 1)).toBe(false);
      expect(await claimEmbedTokenId('portal-a', 'jti-1', exp, exp - 1)).toBe(false);
      // The same id of another portal is another token.
      expect(await claimEmbedTokenId('portal-b', 'jti-1', exp, now)).toBe(true);
    });

    it('go to exactly one of many concurrent claims', async () => {
      const claims = await Promise.all(
        Array.from({ length: 20 }, () => claimEmbedTokenId('portal-a', 'jti-race', exp, now)),
      );
      expect(claims.filter(Boolean)).toHaveLength(1);
    });

    it('stay used through the grace after expiry, then are free again and deleted', async () => {
      const db = await getDb();
      const uses = async () =>
        (
          await db
            .selectFrom('embed_token_uses')
            .select('jti')
            .where('portal_id', '=', 'portal-c')
            .orderBy('jti')
            .execute()
        ).map((row) => row.jti);
      const short = now + 1_000;
      const afterGrace = short + EMBED_TOKEN_ID_GRACE_MS + 1;

      expect(await claimEmbedTokenId('portal-c', 'short', short, now)).toBe(true);
      expect(await claimEmbedTokenId('portal-c', 'long', now + 60 * 60_000, now)).toBe(true);
      // Expired, but within the grace a verifier's clock leeway may still accept it: refused.
      expect(await claimEmbedTokenId('portal-c', 'short', short, short + 30_000)).toBe(false);
      expect(
        await claimEmbedTokenId('portal-c', 'short', short, short + EMBED_TOKEN_ID_GRACE_MS),
      ).toBe(false);

      // After the grace a new token may use the id, once — pruned or not.
      const next = afterGrace + 60_000;
      expect(await claimEmbedTokenId('portal-c', 'short', next, afterGrace)).toBe(true);
      expect(await claimEmbedTokenId('portal-c', 'short', next, afterGrace + 1)).toBe(false);

      // A claim once the prune interval passed deletes what expired beyond the grace, only that.
      expect(await claimEmbedTokenId('portal-c', 'gone', now + 2_000, now + 2)).toBe(true);
      expect(await uses()).toEqual(['gone', 'long', 'short']);
      const later = now + 2_000 + EMBED_TOKEN_ID_GRACE_MS + EMBED_TOKEN_PRUNE_INTERVAL_MS + 1;
      expect(await claimEmbedTokenId('portal-d', 'other', later + 60_000, later)).toBe(true);
      expect(await uses()).toEqual(['long', 'short']);
    });
  });
});
