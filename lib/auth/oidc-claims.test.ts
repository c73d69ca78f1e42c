import { describe, expect, it } from 'vitest';

import { parseAuthEnv, type OidcConfig } from './auth-env';
import { namesFromClaims, roleFromClaims, tenantFromClaims } from './oidc-claims';

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
