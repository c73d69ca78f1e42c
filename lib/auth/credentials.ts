import 'server-only';

import { z } from 'zod';

import { findUserWithPasswordByUsername, type User } from '@/lib/db/users';

import { auditAuth } from './auth-audit';
import { verifyDummyPassword, verifyPassword } from './password';
import {
  clearFailedSignIns,
  isSignInThrottled,
  recordFailedSignIn,
  THROTTLED_ERROR,
} from './sign-in-throttle';

export const credentialsSchema = z.object({
  username: z.string().trim().min(1).max(200),
  password: z.string().min(1).max(1024),
});

/**
 * Checks a username + password. Returns the user or null — never why: unknown user, wrong
 * password, disabled account and OIDC-only account all look the same to the caller (no account
 * enumeration). The reason goes to the audit log only. A username with too many recent failures
 * throws THROTTLED_ERROR instead, whatever the password (that is no enumeration either: unknown
 * usernames are throttled the same way).
 */
export async function verifyCredentials(input: unknown): Promise<User | null> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return null;
  const { username, password } = parsed.data;

  if (await isSignInThrottled(username)) {
    await auditAuth({
      action: 'auth.sign_in_failed',
      user: null,
      attemptedName: username.slice(0, 100),
      outcome: 'denied',
      errorCode: 'throttled',
      params: { provider: 'credentials' },
    });
    throw new Error(THROTTLED_ERROR);
  }

  const found = await findUserWithPasswordByUsername(username);
  const ok = found?.passwordHash
    ? await verifyPassword(password, found.passwordHash)
    : await verifyDummyPassword(password);

  const reason = !found
    ? 'unknown_user'
    : !found.passwordHash
      ? 'no_password'
      : !ok
        ? 'wrong_password'
        : found.disabled
          ? 'disabled'
          : null;
  if (reason) {
    await recordFailedSignIn(username);
    await auditAuth({
      action: 'auth.sign_in_failed',
      user: found,
      attemptedName: username.slice(0, 100),
      outcome: 'denied',
      errorCode: reason,
      params: { provider: 'credentials' },
    });
    return null;
  }
  await clearFailedSignIns(username);
  const { passwordHash: _hash, ...user } = found!;
  return user;
}
