import 'server-only';

import { RateLimiterMemory } from 'rate-limiter-flexible';

/** Failed password attempts allowed per username within the window before sign-in is refused. */
export const MAX_FAILED_SIGN_INS = 10;
const WINDOW_SECONDS = 15 * 60;

/** next-auth hands a thrown error's message to the login page as `?error=`. */
export const THROTTLED_ERROR = 'TooManyAttempts';

/**
 * Slows password guessing against one account: after MAX_FAILED_SIGN_INS failures in 15 minutes,
 * that username is refused (even with the right password) until the window passes. Keyed by
 * username, not IP, because behind a proxy every client may share one address. In memory per
 * process — with several dashboard instances each counts on its own (the Redis bus of the
 * live-updates issue is where a shared store would go). On globalThis: route bundles are separate.
 */
const holder = globalThis as typeof globalThis & { __moderatoSignInFailures?: RateLimiterMemory };
const failures = (holder.__moderatoSignInFailures ??= new RateLimiterMemory({
  points: MAX_FAILED_SIGN_INS,
  duration: WINDOW_SECONDS,
}));

const keyOf = (username: string) => username.trim().toLowerCase();

export async function isSignInThrottled(username: string): Promise<boolean> {
  const state = await failures.get(keyOf(username));
  return (state?.consumedPoints ?? 0) >= MAX_FAILED_SIGN_INS;
}

export async function recordFailedSignIn(username: string): Promise<void> {
  await failures.penalty(keyOf(username), 1);
}

export async function clearFailedSignIns(username: string): Promise<void> {
  await failures.delete(keyOf(username));
}
