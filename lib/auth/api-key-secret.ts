import 'server-only';

import { createHash, randomBytes } from 'node:crypto';

/**
 * REST API keys: `mdk_` + 32 random bytes (256 bits) in base64url. A key that long cannot be
 * guessed, so a plain SHA-256 is enough to store it (a slow password hash protects low-entropy
 * secrets, and would cost every API call milliseconds): the store never holds a usable key.
 */
export const API_KEY_PREFIX = 'mdk_';
const KEY_BYTES = 32;
/** How much of a key lists show: the marker and 8 characters, 48 bits — recognisable, not usable. */
const SHOWN_CHARS = API_KEY_PREFIX.length + 8;

export interface GeneratedApiKey {
  /** The key itself, shown once. */
  key: string;
  hash: string;
  prefix: string;
}

export function generateApiKey(): GeneratedApiKey {
  const key = `${API_KEY_PREFIX}${randomBytes(KEY_BYTES).toString('base64url')}`;
  return { key, hash: hashApiKey(key), prefix: key.slice(0, SHOWN_CHARS) };
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** Whether a presented credential has our keys' shape (anything else is not looked up). */
export function looksLikeApiKey(value: string): boolean {
  return /^mdk_[A-Za-z0-9_-]{43}$/.test(value);
}
