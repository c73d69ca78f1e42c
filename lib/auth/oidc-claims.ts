import 'server-only';

import { ROLES, type Role } from '@/lib/contracts/permissions';

import type { OidcConfig } from './auth-env';

/** Reads `a.b.c` from a claims object (Keycloak puts roles under `realm_access.roles`). */
function claimAt(claims: Record<string, unknown>, pathText: string): unknown {
  if (pathText in claims) return claims[pathText];
  let value: unknown = claims;
  for (const key of pathText.split('.')) {
    if (!value || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function claimValues(value: unknown): string[] {
  if (typeof value === 'string') return value.split(/[\s,]+/).filter(Boolean);
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

/** Highest role whose configured values meet the role claim; else the default role (or null). */
export function roleFromClaims(claims: Record<string, unknown>, cfg: OidcConfig): Role | null {
  const values = new Set(claimValues(claimAt(claims, cfg.roleClaim)));
  for (const role of [...ROLES].reverse()) {
    if (cfg.roleValues[role].some((v) => values.has(v))) return role;
  }
  return cfg.defaultRole;
}

export function tenantFromClaims(claims: Record<string, unknown>, cfg: OidcConfig): string | null {
  const value = claimAt(claims, cfg.tenantClaim);
  const first = Array.isArray(value) ? value[0] : value;
  if (typeof first === 'string' && first.trim()) return first.trim();
  if (typeof first === 'number') return String(first);
  return null;
}

/**
 * The tenant an OIDC user is bound to: the claim, else OIDC_DEFAULT_TENANT. Without either the user
 * would see every tenant's rooms, so that needs an explicit OIDC_UNBOUND_ALLOWED=true; otherwise
 * the sign-in is refused (null) — a missing claim must not widen access.
 */
export function oidcTenant(
  claims: Record<string, unknown>,
  cfg: OidcConfig,
): { tenant: string | null } | null {
  const tenant = tenantFromClaims(claims, cfg) ?? cfg.defaultTenant;
  if (tenant) return { tenant };
  return cfg.unboundAllowed ? { tenant: null } : null;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/** Login name and display name the dashboard shows for an OIDC account. */
export function namesFromClaims(claims: Record<string, unknown>): {
  username: string;
  name: string;
} {
  const sub = String(claims.sub ?? '');
  const username = text(claims.preferred_username) ?? text(claims.email) ?? sub;
  return { username, name: text(claims.name) ?? username };
}
