import 'server-only';

import { decodeProtectedHeader, errors as joseErrors, jwtVerify } from 'jose';
import { z } from 'zod';

import {
  ALL_ROOMS,
  EMBED_CLOCK_TOLERANCE_S,
  EMBED_ROLES,
  EMBED_TOKEN_MAX_TTL_S,
  type EmbedRole,
} from '@/lib/contracts/embed';
import {
  claimEmbedTokenId,
  findEmbedPortalSecret,
  type StoredEmbedPortal,
} from '@/lib/db/embed-portals';
import { DomainError } from '@/lib/domain/errors';
import { roomNameSchema } from '@/lib/schemas/rooms';

import { findLiveEmbedPortal } from './embed-portal';

/** The claims a portal's backend signs (docs/embedding.md, "The embed token"). */
const embedClaimsSchema = z.object({
  sub: z.string().min(1).max(128),
  name: z.string().min(1).max(128).optional(),
  role: z.enum(EMBED_ROLES),
  auth_id: z.string().min(1).max(128).nullable().optional(),
  rooms: z.union([z.literal(ALL_ROOMS), z.array(roomNameSchema).min(1).max(100)]),
  iat: z.number().int(),
  exp: z.number().int(),
  jti: z.string().min(8).max(128),
});

/** A checked, consumed embed token: who the iframe acts for, and where. */
export interface EmbedGrant {
  portalId: string;
  subject: string;
  name: string;
  role: EmbedRole;
  /** The tenant the token acts in; null = every tenant (a portal bound to none). */
  tenant: string | null;
  /** null = every room of the tenant. */
  rooms: string[] | null;
  expiresAtMs: number;
}

const ROLE_RANK: Record<EmbedRole, number> = { viewer: 0, moderator: 1 };

function refused(message: string): DomainError {
  return new DomainError('unauthenticated', message);
}

/**
 * Checks a portal-signed embed token and consumes its `jti`, so a token works once: HS256 only,
 * signed with the secret of the portal named by `kid`, not revoked, issued for at most
 * EMBED_TOKEN_MAX_TTL_S and not expired, claims well formed, a role the portal allows, the
 * portal's tenant if it has one. Every refusal is `unauthenticated` with a message the portal's
 * developer can act on; none says whether a portal id exists beyond "unknown or revoked".
 */
export async function verifyEmbedToken(token: string, nowMs = Date.now()): Promise<EmbedGrant> {
  let portalId: string | undefined;
  try {
    const header = decodeProtectedHeader(token);
    if (header.alg !== 'HS256') throw refused('Embed tokens are signed with HS256.');
    portalId = typeof header.kid === 'string' ? header.kid : undefined;
  } catch (err) {
    if (err instanceof DomainError) throw err;
    throw refused('The embed token is not a JWT.');
  }
  if (!portalId) throw refused('The embed token must name its portal in the `kid` header.');
  const [portal, secret] = await Promise.all([
    findLiveEmbedPortal(portalId),
    findEmbedPortalSecret(portalId).catch((err: unknown) => {
      // Sealed under another auth secret (lib/auth/portal-secret.ts): the operator must act.
      console.warn(
        `[moderato] embed: the secret of portal ${portalId} cannot be opened (was NEXTAUTH_SECRET changed? create the portal again): ${String(err)}`,
      );
      return null;
    }),
  ]);
  if (!portal || !secret) {
    throw refused('Unknown or revoked portal.');
  }

  let payload: unknown;
  try {
    ({ payload } = await jwtVerify(token, new TextEncoder().encode(secret), {
      algorithms: ['HS256'],
      clockTolerance: EMBED_CLOCK_TOLERANCE_S,
      currentDate: new Date(nowMs),
      requiredClaims: ['exp', 'iat', 'jti', 'sub'],
    }));
  } catch (err) {
    if (err instanceof joseErrors.JWTExpired) throw refused('The embed token has expired.');
    if (err instanceof joseErrors.JWTClaimValidationFailed) {
      throw refused(`The embed token's ${err.claim} claim is missing or invalid.`);
    }
    throw refused('The embed token signature does not match the portal secret.');
  }

  const parsed = embedClaimsSchema.safeParse(payload);
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path.join('.') || 'claims';
    throw refused(`The embed token's ${field} claim is missing or invalid.`);
  }
  const claims = parsed.data;
  const nowS = Math.floor(nowMs / 1000);
  if (
    claims.exp - claims.iat > EMBED_TOKEN_MAX_TTL_S ||
    claims.exp - nowS > EMBED_TOKEN_MAX_TTL_S + EMBED_CLOCK_TOLERANCE_S
  ) {
    throw refused(`Embed tokens live at most ${EMBED_TOKEN_MAX_TTL_S / 60} minutes.`);
  }
  if (ROLE_RANK[claims.role] > ROLE_RANK[portal.maxRole]) {
    throw refused(`This portal may embed with the ${portal.maxRole} role at most.`);
  }
  const tenant = tenantOf(portal, claims.auth_id ?? null);

  // Last, so a refused token does not use up its id.
  const expiresAtMs = claims.exp * 1000;
  if (!(await claimEmbedTokenId(portal.id, claims.jti, expiresAtMs))) {
    throw refused('This embed token was already used: mint a new one for each exchange.');
  }
  return {
    portalId: portal.id,
    subject: claims.sub,
    name: claims.name ?? claims.sub,
    role: claims.role,
    tenant,
    rooms: claims.rooms === ALL_ROOMS ? null : claims.rooms,
    expiresAtMs,
  };
}

/** A portal bound to a tenant embeds only that tenant; an unbound one embeds the token's. */
function tenantOf(portal: StoredEmbedPortal, authId: string | null): string | null {
  if (portal.tenant === null) return authId;
  if (authId !== null && authId !== portal.tenant) {
    throw refused(`This portal may only embed tenant “${portal.tenant}”.`);
  }
  return portal.tenant;
}
