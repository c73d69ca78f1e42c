import 'server-only';

import type { NextAuthOptions, User as NextAuthUser } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import type { OAuthConfig } from 'next-auth/providers/oauth';

import {
  findUserById,
  findUserByOidcSubject,
  touchLastSignIn,
  upsertOidcUser,
  type User,
} from '@/lib/db/users';

import { auditAuth } from './auth-audit';
import { authEnv, type OidcConfig } from './auth-env';
import { clientAddress } from './client-address';
import { verifyCredentials } from './credentials';
import { namesFromClaims, oidcTenant, roleFromClaims } from './oidc-claims';
import { getAuthSecret } from './secret';
import { endSession, isSessionActive, startSession } from './sessions';
import { sessionRequestInfo } from './sessions-request';

export const OIDC_PROVIDER_ID = 'oidc';

/** `?error=` codes our login page explains (next-auth's own codes are mapped there too). */
export type LoginErrorCode = 'OidcNoRole' | 'OidcNoTenant' | 'AccountDisabled';

/** Thrown from the session callback: next-auth then clears the cookie and reports no session. */
class SessionRevokedError extends Error {
  constructor() {
    super('Session revoked: signed out, ended by an admin or a change, or the account is disabled');
    this.name = 'SessionRevokedError';
  }
}

function oidcProvider(cfg: OidcConfig): OAuthConfig<Record<string, unknown>> {
  return {
    id: OIDC_PROVIDER_ID,
    name: cfg.displayName,
    type: 'oauth',
    wellKnown: `${cfg.issuer}/.well-known/openid-configuration`,
    clientId: cfg.clientId,
    clientSecret: cfg.clientSecret,
    authorization: { params: { scope: cfg.scopes } },
    checks: ['pkce', 'state'],
    // Claims (role, tenant) are read from the verified ID token.
    idToken: true,
    profile(claims) {
      const { name } = namesFromClaims(claims);
      return { id: String(claims.sub), name, email: (claims.email as string) ?? null };
    },
  };
}

/** The DB user behind a just-completed sign-in. */
async function userForSignIn(
  user: NextAuthUser,
  provider: string,
  providerAccountId: string,
): Promise<User | null> {
  if (provider === OIDC_PROVIDER_ID) return findUserByOidcSubject(providerAccountId);
  return findUserById(user.id);
}

function buildAuthOptions(): NextAuthOptions {
  const { oidc, sessionMaxAgeSeconds } = authEnv();

  const credentials = CredentialsProvider({
    id: 'credentials',
    name: 'Username and password',
    credentials: {
      username: { label: 'Username', type: 'text' },
      password: { label: 'Password', type: 'password' },
    },
    async authorize(input, request) {
      // Throttling is keyed by the client: the socket's peer, or whom a trusted proxy names.
      const client = clientAddress(request?.headers ?? {}, authEnv().trustedProxies);
      const user = await verifyCredentials(input, client);
      return user ? { id: user.id, name: user.name } : null;
    },
  });

  return {
    secret: getAuthSecret(),
    providers: oidc ? [credentials, oidcProvider(oidc)] : [credentials],
    session: { strategy: 'jwt', maxAge: sessionMaxAgeSeconds },
    jwt: { maxAge: sessionMaxAgeSeconds },
    // Errors land on our page too, which turns the code into a readable sentence.
    pages: { signIn: '/login', error: '/login' },
    callbacks: {
      async signIn({ account, profile }) {
        if (account?.provider !== OIDC_PROVIDER_ID) return true;
        if (!oidc || !profile) return false;
        const claims = profile as Record<string, unknown>;
        const names = namesFromClaims(claims);
        const role = roleFromClaims(claims, oidc);
        if (!role) {
          // No silent lowest-privilege fallback: an operator opts into one with OIDC_DEFAULT_ROLE.
          await auditAuth({
            action: 'auth.sign_in_failed',
            attemptedName: names.username,
            outcome: 'denied',
            errorCode: 'no_role',
            params: { provider: OIDC_PROVIDER_ID },
          });
          return '/login?error=OidcNoRole';
        }
        const binding = oidcTenant(claims, oidc);
        if (!binding) {
          // No tenant claim and no OIDC_DEFAULT_TENANT: unbound (every tenant) needs an opt-in.
          await auditAuth({
            action: 'auth.sign_in_failed',
            attemptedName: names.username,
            outcome: 'denied',
            errorCode: 'no_tenant',
            params: { provider: OIDC_PROVIDER_ID },
          });
          return '/login?error=OidcNoTenant';
        }
        const user = await upsertOidcUser({
          subject: account.providerAccountId,
          username: names.username,
          name: names.name,
          role,
          tenant: binding.tenant,
        });
        if (user.disabled) {
          await auditAuth({
            action: 'auth.sign_in_failed',
            user,
            outcome: 'denied',
            errorCode: 'disabled',
            params: { provider: OIDC_PROVIDER_ID },
          });
          return '/login?error=AccountDisabled';
        }
        return true;
      },
      async jwt({ token, user, account }) {
        if (!account || !user) return token;
        const dbUser = await userForSignIn(user, account.provider, account.providerAccountId);
        if (!dbUser) throw new Error('Signed-in user not found');
        // The server-side record that sign-out, a password reset or an admin can end at once.
        const sessionId = await startSession(dbUser.id, await sessionRequestInfo());
        return {
          ...token,
          sessionId,
          sub: dbUser.id,
          name: dbUser.name,
          userId: dbUser.id,
          username: dbUser.username,
          role: dbUser.role,
          tenant: dbUser.tenant,
        };
      },
      async session({ session, token }) {
        // The JWT is only a hint: role, tenant and "still allowed in" come from the database on
        // every read, so disabling a user or changing a role takes effect at once. The session
        // record is checked first: a revoked one is refused even if the JWT has hours left.
        if (!(await isSessionActive(token.sessionId, token.userId))) {
          throw new SessionRevokedError();
        }
        const user = token.userId ? await findUserById(token.userId) : null;
        if (!user || user.disabled) throw new SessionRevokedError();
        return {
          ...session,
          user: {
            id: user.id,
            username: user.username,
            name: user.name,
            role: user.role,
            tenant: user.tenant,
          },
        };
      },
    },
    events: {
      async signIn({ user, account }) {
        if (!account) return;
        const dbUser = await userForSignIn(user, account.provider, account.providerAccountId);
        if (!dbUser) return;
        await touchLastSignIn(dbUser.id);
        await auditAuth({
          action: 'auth.signed_in',
          user: dbUser,
          outcome: 'success',
          params: { provider: account.provider },
        });
      },
      async signOut({ token }) {
        // First, so a failing audit write cannot leave a copied cookie working.
        if (token?.sessionId) await endSession(token.sessionId, 'sign_out');
        const user = token?.userId ? await findUserById(token.userId) : null;
        await auditAuth({
          action: 'auth.signed_out',
          user,
          attemptedName: token?.username,
          outcome: 'success',
        });
      },
    },
    logger: {
      error(code, metadata) {
        const err = metadata instanceof Error ? metadata : metadata?.error;
        // A revoked session is expected (disabled user), not a server fault worth an error log.
        if (err?.name === 'SessionRevokedError') return;
        // One line, no stack: clients trigger most of these at will (a forged cookie or callback
        // URL, a replayed OAuth state), and a stack trace each would flood the log.
        const message = String((err ?? metadata)?.message ?? '').replace(/\s+/g, ' ');
        console.error(`[next-auth][error][${code}] ${message.slice(0, 300)}`);
      },
      warn(code) {
        console.warn(`[next-auth][warn][${code}]`);
      },
      debug() {},
    },
  };
}

let cached: NextAuthOptions | undefined;

/**
 * The next-auth options, built on first use. Lazy on purpose: `next build` imports route modules,
 * and reading env (or creating the secret file) then would bake build-time values in.
 */
export function getAuthOptions(): NextAuthOptions {
  cached ??= buildAuthOptions();
  return cached;
}
