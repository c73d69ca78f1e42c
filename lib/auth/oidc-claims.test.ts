import { describe, expect, it } from 'vitest';

import { parseAuthEnv, type OidcConfig } from './auth-env';
import { namesFromClaims, oidcTenant, roleFromClaims, tenantFromClaims } from './oidc-claims';

const base = {
  OIDC_ISSUER: 'https://idp.example.com',
  OIDC_CLIENT_ID: 'c',
  OIDC_CLIENT_SECRET: 's',
};
const cfg = (extra: Record<string, string> = {}): OidcConfig =>
  parseAuthEnv({ ...base, ...extra }).oidc!;

describe('OIDC claim mapping', () => {
  it('picks the highest matching role from an array claim', () => {
    expect(roleFromClaims({ groups: ['moderato-viewer', 'moderato-admin'] }, cfg())).toBe('admin');
    expect(roleFromClaims({ groups: ['x', 'moderato-moderator'] }, cfg())).toBe('moderator');
  });

  it('accepts a string claim (space or comma separated)', () => {
    expect(roleFromClaims({ groups: 'moderato-viewer' }, cfg())).toBe('viewer');
    expect(roleFromClaims({ groups: 'a,moderato-moderator b' }, cfg())).toBe('moderator');
  });

  it('refuses (null) without a match unless a default role is configured', () => {
    expect(roleFromClaims({}, cfg())).toBeNull();
    expect(roleFromClaims({ groups: ['other'] }, cfg())).toBeNull();
    expect(roleFromClaims({ groups: 42 }, cfg())).toBeNull();
    expect(roleFromClaims({}, cfg({ OIDC_DEFAULT_ROLE: 'viewer' }))).toBe('viewer');
  });

  it('reads nested claims and custom values', () => {
    const c = cfg({ OIDC_ROLE_CLAIM: 'realm_access.roles', OIDC_MODERATOR_VALUES: 'mods,ops' });
    expect(roleFromClaims({ realm_access: { roles: ['ops'] } }, c)).toBe('moderator');
  });

  it('reads the tenant claim', () => {
    expect(tenantFromClaims({ auth_id: 'acme' }, cfg())).toBe('acme');
    expect(tenantFromClaims({ auth_id: ['globex', 'x'] }, cfg())).toBe('globex');
    expect(tenantFromClaims({ auth_id: '  ' }, cfg())).toBeNull();
    expect(tenantFromClaims({}, cfg())).toBeNull();
    expect(tenantFromClaims({ org: 7 }, cfg({ OIDC_TENANT_CLAIM: 'org' }))).toBe('7');
  });

  it('binds a user without a tenant claim to OIDC_DEFAULT_TENANT', () => {
    const c = cfg({ OIDC_DEFAULT_TENANT: 'acme' });
    expect(oidcTenant({}, c)).toEqual({ tenant: 'acme' });
    expect(oidcTenant({ auth_id: ' ' }, c)).toEqual({ tenant: 'acme' });
    // The claim still wins.
    expect(oidcTenant({ auth_id: 'globex' }, c)).toEqual({ tenant: 'globex' });
    // The default also beats "unbound allowed": the narrower binding is the safer one.
    expect(oidcTenant({}, cfg({ OIDC_DEFAULT_TENANT: 'acme', OIDC_UNBOUND_ALLOWED: '1' }))).toEqual(
      {
        tenant: 'acme',
      },
    );
  });

  it('refuses a user without a tenant claim unless OIDC_UNBOUND_ALLOWED=true', () => {
    expect(oidcTenant({}, cfg())).toBeNull();
    expect(
      oidcTenant({ groups: ['moderato-admin'] }, cfg({ OIDC_UNBOUND_ALLOWED: 'false' })),
    ).toBeNull();
    expect(oidcTenant({}, cfg({ OIDC_UNBOUND_ALLOWED: 'true' }))).toEqual({ tenant: null });
    expect(oidcTenant({ auth_id: 'acme' }, cfg())).toEqual({ tenant: 'acme' });
  });

  it('derives login and display names', () => {
    expect(namesFromClaims({ sub: 's', preferred_username: 'jo', name: 'Jo' })).toEqual({
      username: 'jo',
      name: 'Jo',
    });
    expect(namesFromClaims({ sub: 's', email: 'jo@x.io' })).toEqual({
      username: 'jo@x.io',
      name: 'jo@x.io',
    });
    expect(namesFromClaims({ sub: 'abc' })).toEqual({ username: 'abc', name: 'abc' });
  });
});
