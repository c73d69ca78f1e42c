/**
 * CAUTION: test-only identity provider. Accepts any password, uses oidc-provider's development
 * keys and interaction pages. Never expose it; it binds 127.0.0.1 only.
 *
 * Started by playwright.config.ts for e2e/auth/oidc.spec.ts. Login names map to claims:
 *   oidc-admin  → groups [moderato-admin]
 *   oidc-acme   → groups [moderato-moderator], auth_id acme
 *   anything else (e.g. oidc-nobody) → no groups
 */
import Provider, { type Configuration } from 'oidc-provider';

const port = Number(process.env.OIDC_PORT ?? 7895);
const redirectBase = process.env.OIDC_REDIRECT_BASE ?? 'http://127.0.0.1:3100';
const issuer = `http://127.0.0.1:${port}`;

const ACCOUNTS: Record<string, { groups?: string[]; auth_id?: string; name: string }> = {
  'oidc-admin': { groups: ['moderato-admin'], name: 'OIDC Admin' },
  'oidc-acme': { groups: ['moderato-moderator'], auth_id: 'acme', name: 'Acme via SSO' },
};

const configuration: Configuration = {
  clients: [
    {
      client_id: 'moderato',
      client_secret: 'moderato-e2e-secret',
      redirect_uris: [`${redirectBase}/api/auth/callback/oidc`],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    },
  ],
  // Groups and tenant ride on the standard `profile` scope so the default OIDC_SCOPES suffice.
  claims: {
    openid: ['sub'],
    profile: ['name', 'preferred_username', 'groups', 'auth_id'],
    email: ['email'],
  },
  // Put scope claims into the ID token (next-auth reads claims from it with idToken: true).
  conformIdTokenClaims: false,
  features: { devInteractions: { enabled: true } },
  pkce: { required: () => true },
  async findAccount(_ctx, id) {
    const account = ACCOUNTS[id];
    return {
      accountId: id,
      async claims() {
        return {
          sub: id,
          preferred_username: id,
          name: account?.name ?? id,
          email: `${id}@example.test`,
          ...(account?.groups ? { groups: account.groups } : {}),
          ...(account?.auth_id ? { auth_id: account.auth_id } : {}),
        };
      },
    };
  },
};

const provider = new Provider(issuer, configuration);
const server = provider.listen(port, '127.0.0.1', () => {
  console.log(`oidc test provider on ${issuer}`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
