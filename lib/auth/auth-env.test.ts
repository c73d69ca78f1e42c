import { describe, expect, it } from 'vitest';

import { parseAuthEnv } from './auth-env';

const OIDC = {
  OIDC_ISSUER: 'https://idp.example.com/realms/x/',
  OIDC_CLIENT_ID: 'moderato',
  OIDC_CLIENT_SECRET: 's3cret',
};

describe('parseAuthEnv', () => {
  it('has safe defaults: no OIDC, 8 h sessions, generated secret, no proxy trusted, memory', () => {
    expect(parseAuthEnv({})).toEqual({
      secret: undefined,
      sessionMaxAgeSeconds: 28_800,
      oidc: null,
      trustedProxies: { hops: 0, proxies: [] },
      redisUrl: null,
    });
  });

  it('reads the trusted proxies and the Redis URL, and refuses what is not an address', () => {
    expect(
      parseAuthEnv({
        TRUSTED_PROXY_HOPS: '1',
        TRUSTED_PROXIES: '10.0.0.0/8, ::1',
        REDIS_URL: ' redis://127.0.0.1:6379 ',
      }),
    ).toMatchObject({
      trustedProxies: { hops: 1, proxies: ['10.0.0.0/8', '::1'] },
      redisUrl: 'redis://127.0.0.1:6379',
    });
    expect(() => parseAuthEnv({ TRUSTED_PROXIES: 'proxy.local' })).toThrow(/TRUSTED_PROXIES/);
    expect(() => parseAuthEnv({ TRUSTED_PROXY_HOPS: '-1' })).toThrow(/TRUSTED_PROXY_HOPS/);
  });

  it('prefers NEXTAUTH_SECRET, then AUTH_SECRET', () => {
    expect(parseAuthEnv({ AUTH_SECRET: 'a', NEXTAUTH_SECRET: 'n' }).secret).toBe('n');
    expect(parseAuthEnv({ AUTH_SECRET: 'a', NEXTAUTH_SECRET: ' ' }).secret).toBe('a');
  });

  it('enables OIDC only with issuer, client id and secret, with documented defaults', () => {
    const { oidc } = parseAuthEnv(OIDC);
    expect(oidc).toEqual({
      issuer: 'https://idp.example.com/realms/x',
      clientId: 'moderato',
      clientSecret: 's3cret',
      displayName: 'Single sign-on',
      scopes: 'openid profile email',
      roleClaim: 'groups',
      roleValues: {
        admin: ['moderato-admin'],
        moderator: ['moderato-moderator'],
        viewer: ['moderato-viewer'],
      },
      defaultRole: null,
      tenantClaim: 'auth_id',
      defaultTenant: null,
      unboundAllowed: false,
    });
  });

  it('reads the mapping settings', () => {
    const { oidc } = parseAuthEnv({
      ...OIDC,
      OIDC_ROLE_CLAIM: 'realm_access.roles',
      OIDC_ADMIN_VALUES: 'ops, root ,',
      OIDC_DEFAULT_ROLE: 'viewer',
      OIDC_DISPLAY_NAME: 'Keycloak',
    });
    expect(oidc?.roleClaim).toBe('realm_access.roles');
    expect(oidc?.roleValues.admin).toEqual(['ops', 'root']);
    expect(oidc?.defaultRole).toBe('viewer');
    expect(oidc?.displayName).toBe('Keycloak');
  });

  it('reads the tenant defaults: unbound only when explicitly allowed', () => {
    expect(parseAuthEnv({ ...OIDC, OIDC_DEFAULT_TENANT: ' acme ' }).oidc).toMatchObject({
      defaultTenant: 'acme',
      unboundAllowed: false,
    });
    expect(parseAuthEnv({ ...OIDC, OIDC_UNBOUND_ALLOWED: 'true' }).oidc?.unboundAllowed).toBe(true);
    expect(() => parseAuthEnv({ ...OIDC, OIDC_UNBOUND_ALLOWED: 'maybe' })).toThrow(
      /OIDC_UNBOUND_ALLOWED/,
    );
  });

  it('rejects half an OIDC configuration and bad values', () => {
    expect(() => parseAuthEnv({ OIDC_ISSUER: OIDC.OIDC_ISSUER })).toThrow(/must be set together/);
    expect(() => parseAuthEnv({ ...OIDC, OIDC_DEFAULT_ROLE: 'root' })).toThrow(/OIDC_DEFAULT_ROLE/);
    expect(() => parseAuthEnv({ AUTH_SESSION_MAX_AGE: '5' })).toThrow(/AUTH_SESSION_MAX_AGE/);
    expect(() => parseAuthEnv({ ...OIDC, OIDC_ISSUER: 'not a url' })).toThrow(/OIDC_ISSUER/);
  });
});
