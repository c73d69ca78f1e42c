import 'server-only';

import { z } from 'zod';

import { ROLES, type Role } from '@/lib/contracts/permissions';

import { isAddressOrRange, type TrustedProxyConfig } from './client-address';

/**
 * Sign-in configuration, parsed once per process at first use (never at build time: callers are
 * request handlers and instrumentation). Kept apart from lib/env.ts because only auth reads it.
 */
const optionalText = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() ? v.trim() : undefined));

const commaList = (fallback: string) =>
  z
    .string()
    .optional()
    .transform((v) =>
      (v ?? fallback)
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    );

const authEnvSchema = z.object({
  NEXTAUTH_SECRET: optionalText,
  AUTH_SECRET: optionalText,
  /** Session lifetime in seconds (JWT and cookie). */
  AUTH_SESSION_MAX_AGE: z.coerce
    .number()
    .int()
    .min(60)
    .max(60 * 60 * 24 * 30)
    .default(8 * 60 * 60),
  OIDC_ISSUER: optionalText.pipe(z.url().optional()),
  OIDC_CLIENT_ID: optionalText,
  OIDC_CLIENT_SECRET: optionalText,
  OIDC_DISPLAY_NAME: optionalText.transform((v) => v ?? 'Single sign-on'),
  OIDC_SCOPES: optionalText.transform((v) => v ?? 'openid profile email'),
  OIDC_ROLE_CLAIM: optionalText.transform((v) => v ?? 'groups'),
  OIDC_ADMIN_VALUES: commaList('moderato-admin'),
  OIDC_MODERATOR_VALUES: commaList('moderato-moderator'),
  OIDC_VIEWER_VALUES: commaList('moderato-viewer'),
  /** Empty = refuse OIDC users whose role claim matches nothing. */
  OIDC_DEFAULT_ROLE: z
    .union([z.enum(ROLES), z.literal('')])
    .optional()
    .transform((v): Role | null => (v ? v : null)),
  OIDC_TENANT_CLAIM: optionalText.transform((v) => v ?? 'auth_id'),
  /** Tenant of OIDC users whose token has no tenant claim. */
  OIDC_DEFAULT_TENANT: optionalText,
  /** Only with this set may an OIDC user without a tenant (and no default) see every tenant. */
  OIDC_UNBOUND_ALLOWED: z
    .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
    .optional()
    .transform((v) => v === '1' || v === 'true' || v === 'yes'),
  /** Proxies always in front of Moderato; their `x-forwarded-for` entries name the client. */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  TRUSTED_PROXIES: commaList('').pipe(
    z.array(z.string().refine(isAddressOrRange, 'not an IP address or CIDR range')),
  ),
  /** Shared sign-in throttling across instances (memory per process without it). */
  REDIS_URL: optionalText,
});

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  displayName: string;
  scopes: string;
  roleClaim: string;
  /** Claim values per role; the highest matching role wins. */
  roleValues: Record<Role, string[]>;
  defaultRole: Role | null;
  tenantClaim: string;
  /** For tokens without the tenant claim; null = refuse them unless `unboundAllowed`. */
  defaultTenant: string | null;
  unboundAllowed: boolean;
}

export interface AuthEnv {
  /** From NEXTAUTH_SECRET or AUTH_SECRET; undefined = use the generated, persisted one. */
  secret: string | undefined;
  sessionMaxAgeSeconds: number;
  /** Null unless OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are all set. */
  oidc: OidcConfig | null;
  /** Who may name the client in `x-forwarded-for` (sign-in throttling keys by the client). */
  trustedProxies: TrustedProxyConfig;
  /** Where sign-in throttling counts; null = in process memory. */
  redisUrl: string | null;
}

export function parseAuthEnv(source: Record<string, string | undefined>): AuthEnv {
  const parsed = authEnvSchema.safeParse(source);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid Moderato sign-in configuration: ${issues}`);
  }
  const e = parsed.data;
  const oidcParts = [e.OIDC_ISSUER, e.OIDC_CLIENT_ID, e.OIDC_CLIENT_SECRET];
  const setCount = oidcParts.filter(Boolean).length;
  if (setCount > 0 && setCount < 3) {
    // Half a configuration is a mistake worth stopping for, not a silent "SSO off".
    throw new Error(
      'Invalid Moderato sign-in configuration: OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET must be set together',
    );
  }
  const oidc: OidcConfig | null =
    e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET
      ? {
          issuer: e.OIDC_ISSUER.replace(/\/+$/, ''),
          clientId: e.OIDC_CLIENT_ID,
          clientSecret: e.OIDC_CLIENT_SECRET,
          displayName: e.OIDC_DISPLAY_NAME,
          scopes: e.OIDC_SCOPES,
          roleClaim: e.OIDC_ROLE_CLAIM,
          roleValues: {
            admin: e.OIDC_ADMIN_VALUES,
            moderator: e.OIDC_MODERATOR_VALUES,
            viewer: e.OIDC_VIEWER_VALUES,
          },
          defaultRole: e.OIDC_DEFAULT_ROLE,
          tenantClaim: e.OIDC_TENANT_CLAIM,
          defaultTenant: e.OIDC_DEFAULT_TENANT ?? null,
          unboundAllowed: e.OIDC_UNBOUND_ALLOWED,
        }
      : null;
  return {
    secret: e.NEXTAUTH_SECRET ?? e.AUTH_SECRET,
    sessionMaxAgeSeconds: e.AUTH_SESSION_MAX_AGE,
    oidc,
    trustedProxies: { hops: e.TRUSTED_PROXY_HOPS, proxies: e.TRUSTED_PROXIES },
    redisUrl: e.REDIS_URL ?? null,
  };
}

let cached: AuthEnv | undefined;

export function authEnv(): AuthEnv {
  cached ??= parseAuthEnv(process.env);
  return cached;
}
