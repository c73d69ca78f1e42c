import { describe, expect, it } from 'vitest';

import { generatePortalSecret, openPortalSecret, sealPortalSecret } from './portal-secret';

// The sealing key is derived from the auth secret; a fixed one keeps the data dir out of this test.
process.env.NEXTAUTH_SECRET = 'portal-secret-test-secret-0123456789abcdef';

/** The sealed value with one bit of its decoded bytes flipped at `index`. */
function flipBit(sealed: string, index: number): string {
  const [version, body] = sealed.split('.');
  const bytes = Buffer.from(body!, 'base64url');
  bytes[index]! ^= 1;
  return `${version}.${bytes.toString('base64url')}`;
}

describe('portal secrets', () => {
  it('are 256-bit, well-formed, and differ every time', () => {
    const secrets = Array.from({ length: 50 }, () => generatePortalSecret());
    expect(new Set(secrets).size).toBe(50);
    for (const secret of secrets) expect(secret).toMatch(/^mdp_[A-Za-z0-9_-]{43}$/);
  });

  it('open to exactly what was sealed, and the sealed text does not contain it', () => {
    const secret = generatePortalSecret();
    const sealed = sealPortalSecret(secret);
    expect(sealed).toMatch(/^v1\.[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain(secret.slice(4));
    expect(openPortalSecret(sealed)).toBe(secret);
  });

  it('seal the same secret differently each time (random IV), both opening to it', () => {
    const secret = generatePortalSecret();
    const first = sealPortalSecret(secret);
    const second = sealPortalSecret(secret);
    expect(first).not.toBe(second);
    expect(openPortalSecret(first)).toBe(secret);
    expect(openPortalSecret(second)).toBe(secret);
  });

  it('refuse a sealed value that was altered anywhere, or is not one at all', () => {
    const sealed = sealPortalSecret(generatePortalSecret());
    const length = Buffer.from(sealed.split('.')[1]!, 'base64url').length;
    // The IV, the first ciphertext byte, the last tag byte.
    for (const index of [0, 12, length - 1]) {
      expect(() => openPortalSecret(flipBit(sealed, index))).toThrow(/cannot be opened/);
    }
    expect(() => openPortalSecret(sealed.slice(0, -4))).toThrow(/cannot be opened/);
    expect(() => openPortalSecret(`v2.${sealed.slice(3)}`)).toThrow(/sealed format/);
    expect(() => openPortalSecret('mdp_plain')).toThrow(/sealed format/);
    expect(() => openPortalSecret('v1.')).toThrow(/sealed format/);
  });
});
