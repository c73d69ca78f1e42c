import 'server-only';

import { hkdfSync } from 'node:crypto';

import { jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';

import { EMBED_ROLES } from '@/lib/contracts/embed';
import { getAuthSecret } from '@/lib/auth/secret';
import { DomainError } from '@/lib/domain/errors';

import type { EmbedGrant } from './embed-token';

const ISSUER = 'moderato';
const AUDIENCE = 'moderato-embed';

let key: { secret: string; bytes: Uint8Array } | undefined;

/**
 * Its own key, derived from the auth secret: an embed session token can never pass for a
 * NextAuth session or the other way round, and rotating the auth secret ends both.
 */
function sessionKey(): Uint8Array {
  const secret = getAuthSecret();
  if (key?.secret !== secret) {
    const bytes = new Uint8Array(hkdfSync('sha256', secret, ISSUER, 'embed session v1', 32));
    key = { secret, bytes };
  }
  return key.bytes;
}

const sessionClaimsSchema = z.object({
  sub: z.string(),
  name: z.string(),
  role: z.enum(EMBED_ROLES),
  tenant: z.string().nullable(),
  rooms: z.array(z.string()).nullable(),
  portal: z.string(),
  exp: z.number(),
});

/**
 * The embed session the iframe keeps in memory (never a cookie: a browser that blocks
 * third-party cookies would drop it) and sends as `Authorization: Embed <token>`. It expires
 * with the embed token it was exchanged for, so a session never outlives what the portal signed.
 */
export async function signEmbedSession(grant: EmbedGrant): Promise<string> {
  return new SignJWT({
    name: grant.name,
    role: grant.role,
    tenant: grant.tenant,
    rooms: grant.rooms,
    portal: grant.portalId,
  })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setSubject(grant.subject)
    .setIssuedAt()
    .setExpirationTime(Math.floor(grant.expiresAtMs / 1000))
    .sign(sessionKey());
}

/** The grant behind a session token; `unauthenticated` when it is forged or has expired. */
export async function verifyEmbedSession(token: string): Promise<EmbedGrant> {
  try {
    const { payload } = await jwtVerify(token, sessionKey(), {
      algorithms: ['HS256'],
      issuer: ISSUER,
      audience: AUDIENCE,
    });
    const claims = sessionClaimsSchema.parse(payload);
    return {
      portalId: claims.portal,
      subject: claims.sub,
      name: claims.name,
      role: claims.role,
      tenant: claims.tenant,
      rooms: claims.rooms,
      expiresAtMs: claims.exp * 1000,
    };
  } catch {
    throw new DomainError(
      'unauthenticated',
      'The embed session has expired or is not valid. The host page must provide a new embed token.',
    );
  }
}
