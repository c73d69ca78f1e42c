import { describe, expect, it } from 'vitest';

import { generatePassword, hashPassword, verifyDummyPassword, verifyPassword } from './password';

describe('password hashing', () => {
  it('produces a self-describing scrypt hash with a random salt', async () => {
    const a = await hashPassword('correct horse');
    const b = await hashPassword('correct horse');
    const parts = a.split('$');
    expect(parts.slice(0, 4)).toEqual(['scrypt', '32768', '8', '1']);
    expect(Buffer.from(parts[4]!, 'base64')).toHaveLength(16);
    expect(Buffer.from(parts[5]!, 'base64')).toHaveLength(64);
    expect(a).not.toBe(b);
  });

  it('verifies the right password and rejects a wrong one', async () => {
    const hash = await hashPassword('s3cret-ünïcode');
    expect(await verifyPassword('s3cret-ünïcode', hash)).toBe(true);
    expect(await verifyPassword('s3cret-unicode', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  it('treats malformed or hostile hashes as a mismatch', async () => {
    const hash = await hashPassword('pw');
    const [, , r, p, salt, key] = hash.split('$');
    expect(await verifyPassword('pw', 'plain-text')).toBe(false);
    expect(await verifyPassword('pw', `bcrypt$32768$${r}$${p}$${salt}$${key}`)).toBe(false);
    // Absurd cost parameters are refused before any work is done.
    expect(await verifyPassword('pw', `scrypt$${2 ** 30}$${r}$${p}$${salt}$${key}`)).toBe(false);
    expect(await verifyPassword('pw', `scrypt$1000$${r}$${p}$${salt}$${key}`)).toBe(false);
    expect(await verifyPassword('pw', `scrypt$32768$${r}$${p}$$${key}`)).toBe(false);
  });

  it('verifies hashes made with other (weaker) parameters', async () => {
    const hash = await hashPassword('pw');
    const weaker = hash.replace('scrypt$32768$', 'scrypt$1024$');
    // Different N → different key → mismatch, but no crash.
    expect(await verifyPassword('pw', weaker)).toBe(false);
  });

  it('has a dummy check for unknown users', async () => {
    expect(await verifyDummyPassword('anything')).toBe(false);
  });

  it('generates long passwords without look-alike characters', () => {
    const pw = generatePassword();
    expect(pw).toHaveLength(20);
    expect(pw).toMatch(/^[A-HJ-NP-Za-km-z2-9]+$/);
    expect(new Set(Array.from({ length: 50 }, () => generatePassword())).size).toBe(50);
  });
});
