import type { Profile } from 'next-auth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { queryAuditEvents } from '@/lib/db/audit';
import { closeDb, openDb } from '@/lib/db';
import { testStores, type TestStore } from '@/lib/db/test-stores';
import { findUserByOidcSubject } from '@/lib/db/users';

import { getAuthOptions, OIDC_PROVIDER_ID } from './options';

// SSO with neither OIDC_DEFAULT_TENANT nor OIDC_UNBOUND_ALLOWED: the safe default.
process.env.OIDC_ISSUER = 'https://idp.example.com';
process.env.OIDC_CLIENT_ID = 'moderato';
process.env.OIDC_CLIENT_SECRET = 'secret';
process.env.NEXTAUTH_SECRET = 'oidc-sign-in-test-secret-0123456789abcdef';
delete process.env.OIDC_DEFAULT_TENANT;
delete process.env.OIDC_UNBOUND_ALLOWED;

const sqlite = testStores().find((s) => s.kind === 'sqlite')!;

async function signIn(subject: string, claims: Record<string, unknown>) {
  const { signIn } = getAuthOptions().callbacks!;
  // The verified ID token's claims, as next-auth hands them over.
  const profile: Profile = Object.assign({ sub: subject, preferred_username: subject }, claims);
  return signIn!({
    user: { id: subject },
    account: { provider: OIDC_PROVIDER_ID, providerAccountId: subject, type: 'oauth' },
    profile,
  });
}

describe('OIDC sign-in without a tenant claim', () => {
  let store: TestStore;

  beforeAll(async () => {
    store = sqlite.store();
    await openDb(await store.create());
  });

  afterAll(async () => {
    await closeDb();
    await store.destroy();
  });

  it('is refused with a clear message instead of seeing every tenant, and audited', async () => {
    expect(await signIn('no-tenant', { groups: ['moderato-admin'] })).toBe(
      '/login?error=OidcNoTenant',
    );
    expect(await findUserByOidcSubject('no-tenant')).toBeNull();
    const { events } = await queryAuditEvents({ action: 'auth.sign_in_failed', limit: 1 });
    expect(events[0]).toMatchObject({ actorName: 'no-tenant', errorCode: 'no_tenant' });
  });

  it('still binds a user whose token names the tenant', async () => {
    expect(await signIn('acme-user', { groups: ['moderato-admin'], auth_id: 'acme' })).toBe(true);
    expect(await findUserByOidcSubject('acme-user')).toMatchObject({ tenant: 'acme' });
  });
});
