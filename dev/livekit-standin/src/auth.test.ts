import { describe, expect, it } from 'vitest';
import { Authenticator } from './auth';
import { signJwt } from './jwt';

const auth = new Authenticator({ devkey: 'secret' });
const now = Math.floor(Date.now() / 1000);
const token = (claims: Record<string, unknown>, secret = 'secret'): string =>
  signJwt({ iss: 'devkey', ...claims }, secret);
const message = (t: string): string | undefined => {
  const outcome = auth.verify(t, now);
  return outcome.ok ? undefined : outcome.message;
};

describe('Authenticator.verify', () => {
  it('accepts a valid token and tolerates 60 s of clock skew', () => {
    expect(message(token({ exp: now + 600 }))).toBeUndefined();
    expect(message(token({ exp: now - 30 }))).toBeUndefined();
  });

  it('reproduces the jwt v5 messages of the real server (§2.2)', () => {
    expect(message('not-a-jwt')).toBe('invalid authorization token');
    expect(message(signJwt({ iss: 'other', exp: now + 60 }, 'secret'))).toBe('invalid API key');
    expect(message(token({ exp: now + 60 }, 'wrong'))).toBe(
      'invalid authorization token: token signature is invalid: signature is invalid',
    );
    expect(message(token({ exp: now - 300 }))).toBe(
      'invalid authorization token: token has invalid claims: token is expired',
    );
    expect(message(token({}))).toBe(
      'invalid authorization token: token has invalid claims: token is missing required claim: exp claim is required',
    );
    expect(message(token({ exp: now + 600, nbf: now + 300 }))).toBe(
      'invalid authorization token: token has invalid claims: token is not valid yet',
    );
  });

  it('re-checks expiry for cached tokens', () => {
    const t = token({ exp: now + 10 });
    expect(auth.verify(t, now).ok).toBe(true);
    expect(auth.verify(t, now + 100).ok).toBe(false);
  });
});
