import { createHmac, timingSafeEqual } from 'node:crypto';

/** Minimal HS256 JWT primitives (node:crypto) so error messages can mirror Go's jwt v5 (§2.2). */
export interface JwtParts {
  header: Record<string, unknown>;
  claims: Record<string, unknown>;
  signingInput: string;
  signature: Buffer;
}

const b64url = (data: Buffer | string): string => Buffer.from(data).toString('base64url');

export function signJwt(claims: Record<string, unknown>, secret: string): string {
  const signingInput = `${b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${b64url(
    JSON.stringify(claims),
  )}`;
  const signature = createHmac('sha256', secret).update(signingInput).digest();
  return `${signingInput}.${b64url(signature)}`;
}

const BASE64URL = /^[A-Za-z0-9_-]*={0,2}$/;

/** Parses without verifying; `undefined` when the token is not a JWT at all. */
export function parseJwt(token: string): JwtParts | undefined {
  const segments = token.split('.');
  if (segments.length !== 3) return undefined;
  const [h, c, s] = segments as [string, string, string];
  if (!BASE64URL.test(h) || !BASE64URL.test(c) || !BASE64URL.test(s)) return undefined;
  try {
    const header: unknown = JSON.parse(Buffer.from(h, 'base64url').toString('utf8'));
    const claims: unknown = JSON.parse(Buffer.from(c, 'base64url').toString('utf8'));
    if (!isRecord(header) || !isRecord(claims)) return undefined;
    return {
      header,
      claims,
      signingInput: `${h}.${c}`,
      signature: Buffer.from(s, 'base64url'),
    };
  } catch {
    return undefined;
  }
}

export function hasValidHs256Signature(parts: JwtParts, secret: string): boolean {
  const expected = createHmac('sha256', secret).update(parts.signingInput).digest();
  return expected.length === parts.signature.length && timingSafeEqual(expected, parts.signature);
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
