import 'server-only';

import { z } from 'zod';

import { findUserWithPasswordByUsername, type User } from '@/lib/db/users';

import { auditAuth } from './auth-audit';
import { verifyDummyPassword, verifyPassword } from './password';
import { SignInThrottledError, signInThrottle, type SignInThrottle } from './sign-in-throttle';

export const credentialsSchema = z.object({
  username: z.string().trim().min(1).max(200),
  password: z.string().min(1).max(1024),
});

/**
 * Checks a username + password from `client` (clientAddress()). Returns the user or null — never
 * why: unknown user, wrong password, disabled account and OIDC-only account all look the same to
 * the caller (no account enumeration). The reason goes to the audit log only. While the throttle
 * asks this client (or this password) to wait, it throws SignInThrottledError before the password
 * is looked at, whatever it is — unknown usernames are throttled the same way, so that is no
 * enumeration either.
 */
export async function verifyCredentials(
  input: unknown,
  client: string,
  throttle: SignInThrottle = signInThrottle(),
): Promise<User | null> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return null;
  const { username, password } = parsed.data;
  const attempt = { username, client, password };
  const attemptedName = username.slice(0, 100);

  const admission = await throttle.admit(attempt);
  if (!admission.admitted) {
    await auditAuth({
      action: 'auth.sign_in_failed',
      user: null,
      attemptedName,
      outcome: 'denied',
      errorCode: 'throttled',
      params: {
        provider: 'credentials',
        client,
        retryAfterSeconds: admission.retryAfterSeconds,
        limits: admission.limits,
      },
    });
    throw new SignInThrottledError(admission.retryAfterSeconds);
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
    // The throttle already counted this attempt as a failure when it admitted it.
    await auditAuth({
      action: 'auth.sign_in_failed',
      user: found,
      attemptedName,
      outcome: 'denied',
      errorCode: reason,
      params: { provider: 'credentials', client },
    });
    return null;
  }
  await throttle.succeeded(attempt);
  const { passwordHash: _hash, ...user } = found!;
  return user;
}
