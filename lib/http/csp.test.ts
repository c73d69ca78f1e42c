import { describe, expect, it } from 'vitest';

import { contentSecurityPolicy, createNonce, nonceOf } from './csp';

function directives(policy: string): Record<string, string> {
  return Object.fromEntries(
    policy.split('; ').map((part) => [part.split(' ')[0], part.split(' ').slice(1).join(' ')]),
  );
}

describe('the Content Security Policy', () => {
  it('lets only nonce-carrying scripts (and what they load) run', () => {
    const policy = directives(contentSecurityPolicy('abc123=='));
    expect(policy['script-src']).toBe("'self' 'nonce-abc123==' 'strict-dynamic'");
    expect(policy['object-src']).toBe("'none'");
    expect(policy['base-uri']).toBe("'none'");
    expect(policy['frame-ancestors']).toBe("'self'");
    expect(policy['form-action']).toBe("'self'");
    expect(policy['img-src']).toBe("'self' data: blob:");
    expect(policy['connect-src']).toBe("'self'");
  });

  it('lets an embedded page be framed by its portal’s origins only, and by nobody without one', () => {
    const portal = ['https://portal.example.com', 'http://localhost:3000'];
    expect(directives(contentSecurityPolicy('n', portal))['frame-ancestors']).toBe(
      'https://portal.example.com http://localhost:3000',
    );
    expect(directives(contentSecurityPolicy('n', []))['frame-ancestors']).toBe("'none'");
  });

  it('makes a new 128-bit nonce every time, in the alphabet Next parses', () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });

  it('reads its nonce back, for inline scripts a page renders itself', () => {
    const nonce = createNonce();
    expect(nonceOf(contentSecurityPolicy(nonce, ['https://portal.example.com']))).toBe(nonce);
    expect(nonceOf("script-src 'self'")).toBeUndefined();
    expect(nonceOf(null)).toBeUndefined();
  });
});
