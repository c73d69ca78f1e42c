import 'server-only';

import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

import { getAuthSecret } from './secret';

/**
 * Embedding portals' secrets: `mdp_` + 32 random bytes (256 bits) in base64url. A portal's backend
 * signs its embed tokens (HS256 JWTs) with it, and Moderato verifies them with the same secret.
 *
 * Unlike an API key (lib/auth/api-key-secret.ts), the secret cannot be stored as a hash: checking
 * an HMAC signature needs the key itself. So the store keeps it sealed — AES-256-GCM under a key
 * derived from the auth secret (NEXTAUTH_SECRET, or the generated one in the data dir) — and a
 * copy of the database alone does not give anyone a portal's signing key. Changing the auth secret
 * makes every sealed secret unreadable: the portals then have to be created again.
 */
export const PORTAL_SECRET_PREFIX = 'mdp_';
const SECRET_BYTES = 32;

/** HKDF `info`: the derived key serves this one purpose; bump the version to rotate the scheme. */
const KEY_INFO = 'moderato embed portal secret v1';
/** Marks the sealed format: `v1.<base64url(iv ‖ ciphertext ‖ tag)>`. */
const SEALED_VERSION = 'v1';
/** 96-bit IVs, random per seal: GCM's recommended size (NIST SP 800-38D). */
const IV_BYTES = 12;
const TAG_BYTES = 16;

let derived: { from: string; key: Buffer } | undefined;

function sealingKey(): Buffer {
  const secret = getAuthSecret();
  if (derived?.from !== secret) {
    const key = Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), KEY_INFO, 32));
    derived = { from: secret, key };
  }
  return derived.key;
}

export function generatePortalSecret(): string {
  return `${PORTAL_SECRET_PREFIX}${randomBytes(SECRET_BYTES).toString('base64url')}`;
}

/** Encrypts and authenticates the secret for the store; two seals of one secret differ. */
export function sealPortalSecret(secret: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', sealingKey(), iv);
  const ciphertext = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  const sealed = Buffer.concat([iv, ciphertext, cipher.getAuthTag()]);
  return `${SEALED_VERSION}.${sealed.toString('base64url')}`;
}

/**
 * The secret back from `sealPortalSecret`. Throws when the value was altered or sealed under
 * another auth secret (GCM's tag does not match): never a wrong secret.
 */
export function openPortalSecret(sealed: string): string {
  const [version, body, ...rest] = sealed.split('.');
  const bytes = Buffer.from(body ?? '', 'base64url');
  if (version !== SEALED_VERSION || rest.length > 0 || bytes.length < IV_BYTES + TAG_BYTES) {
    throw new Error('Moderato: a portal secret in the store is not in a known sealed format');
  }
  const iv = bytes.subarray(0, IV_BYTES);
  const tag = bytes.subarray(bytes.length - TAG_BYTES);
  const ciphertext = bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', sealingKey(), iv, { authTagLength: TAG_BYTES });
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
  } catch (err) {
    throw new Error(
      'Moderato: a portal secret in the store cannot be opened (altered, or the auth secret changed)',
      { cause: err },
    );
  }
}
