import { createHash } from 'node:crypto';
import { signJwt } from '../jwt';

/**
 * The token LiveKit puts in a webhook's `Authorization` header (bare, no `Bearer `): HS256,
 * `iss` = webhook API key, valid for 5 minutes, `sha256` = base64 of the body's SHA-256 (§5.3).
 */
export function signWebhook(body: string, apiKey: string, secret: string): string {
  const now = Math.floor(Date.now() / 1000);
  return signJwt(
    {
      iss: apiKey,
      nbf: now,
      iat: now,
      exp: now + 300,
      sha256: createHash('sha256').update(body, 'utf8').digest('base64'),
    },
    secret,
  );
}
