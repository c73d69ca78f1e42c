import 'server-only';

import { createHmac } from 'node:crypto';

import { authEnv } from './auth-env';
import { clientKey } from './client-address';
import { getAuthSecret } from './secret';
import { createThrottleStore, throttleRedis, type ThrottleStore } from './throttle-store';

/** next-auth hands a thrown error's message to the login page as `?error=`. */
export const THROTTLED_ERROR = 'TooManyAttempts';

/** `?error=TooManyAttempts:7` — the code the login page explains, and the seconds to wait. */
export class SignInThrottledError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`${THROTTLED_ERROR}:${retryAfterSeconds}`);
    this.name = 'SignInThrottledError';
  }
}

/**
 * Progressive delays, never a lockout. Each dimension lets `free` attempts through at once in the
 * window; the last of them and every later one opens a gate the next attempt must wait out: 1 s,
 * 2 s, 4 s … capped at `maxDelaySeconds`. No dimension is keyed by username alone, so nobody elsewhere can make the
 * real user wait: `pair` is one username from one client, `client` one address (a guesser
 * cycling usernames), `password` one password across every username and client (spraying).
 * When failures pile up across all accounts (`underAttackAfter`), every allowance shrinks.
 */
export const SIGN_IN_POLICY = {
  windowSeconds: 15 * 60,
  firstDelaySeconds: 1,
  maxDelaySeconds: 10,
  underAttackAfter: 100,
  free: {
    pair: { normal: 5, underAttack: 2 },
    // Generous: an office or a NAT shares one address, and only failures stay counted.
    client: { normal: 30, underAttack: 10 },
    password: { normal: 5, underAttack: 2 },
  },
};
export type SignInPolicy = typeof SIGN_IN_POLICY;
export type ThrottleLimit = keyof SignInPolicy['free'];
const LIMITS = Object.keys(SIGN_IN_POLICY.free) as ThrottleLimit[];

export interface SignInAttempt {
  username: string;
  /** From clientAddress(): the peer, or the client a trusted proxy names. */
  client: string;
  password: string;
}

export type Admission =
  { admitted: true } | { admitted: false; retryAfterSeconds: number; limits: ThrottleLimit[] };

export interface SignInThrottle {
  /**
   * Decides before the password is checked, and counts the attempt as a failure at once — a burst
   * of parallel guesses is counted before any of them is answered. An admitted attempt stays a
   * failure unless succeeded() is called; a refused one is not counted.
   */
  admit(attempt: SignInAttempt): Promise<Admission>;
  /** The password was right: this pair starts afresh, and the attempt is taken off the others. */
  succeeded(attempt: SignInAttempt): Promise<void>;
}

export function delayAfter(count: number, free: number, policy: SignInPolicy): number {
  if (count < free) return 0;
  return Math.min(policy.firstDelaySeconds * 2 ** (count - free), policy.maxDelaySeconds);
}

export function createSignInThrottle(options: {
  store: ThrottleStore;
  /** Keys are HMACs: the store never holds a username, address or (attempted) password. */
  secret: string;
  policy?: SignInPolicy;
}): SignInThrottle {
  const { store, secret, policy = SIGN_IN_POLICY } = options;
  const digest = (limit: string, value: string) =>
    `${limit}:${createHmac('sha256', secret).update(`${limit}\n${value}`).digest('base64url').slice(0, 22)}`;
  const keysOf = (attempt: SignInAttempt): Record<ThrottleLimit, string> => {
    const client = clientKey(attempt.client);
    return {
      pair: digest('pair', `${attempt.username.trim().toLowerCase()}\n${client}`),
      client: digest('client', client),
      password: digest('password', attempt.password),
    };
  };
  const GLOBAL = 'global';
  const addAll = (keys: Record<ThrottleLimit, string>, points: number) =>
    Promise.all([
      ...LIMITS.map((limit) => store.add(keys[limit], points)),
      store.add(GLOBAL, points),
    ]);

  return {
    async admit(attempt) {
      const keys = keysOf(attempt);
      const counts = await addAll(keys, 1);
      const underAttack = counts[LIMITS.length]! > policy.underAttackAfter;
      const verdicts = await Promise.all(
        LIMITS.map(async (limit, i) => {
          const free = policy.free[limit][underAttack ? 'underAttack' : 'normal'];
          const delay = delayAfter(counts[i]!, free, policy);
          return delay > 0 ? store.pass(keys[limit], delay) : { ok: true as const };
        }),
      );
      const refused = LIMITS.flatMap((limit, i) => {
        const verdict = verdicts[i]!;
        return verdict.ok ? [] : [{ limit, msLeft: verdict.msLeft }];
      });
      if (refused.length === 0) return { admitted: true };
      // Nothing was tried, so nothing stays counted: waiting, not hammering, is what is asked.
      await addAll(keys, -1);
      const msLeft = Math.max(...refused.map((r) => r.msLeft));
      return {
        admitted: false,
        retryAfterSeconds: Math.max(1, Math.ceil(msLeft / 1000)),
        limits: refused.map((r) => r.limit),
      };
    },
    async succeeded(attempt) {
      const keys = keysOf(attempt);
      // Only the pair is forgiven: a success from a client must not wipe out the failures it
      // made against other accounts (an attacker with one account of their own could launder).
      await Promise.all([
        store.delete(keys.pair),
        store.add(keys.client, -1),
        store.add(keys.password, -1),
        store.add(GLOBAL, -1),
      ]);
    },
  };
}

type Holder = typeof globalThis & { __moderatoSignInThrottle?: SignInThrottle };
const holder = globalThis as Holder;

/**
 * The process's throttle, built on first use from REDIS_URL. On globalThis: route bundles are
 * separate module graphs, and in memory they must still count together.
 */
export function signInThrottle(): SignInThrottle {
  if (holder.__moderatoSignInThrottle) return holder.__moderatoSignInThrottle;
  const { redisUrl } = authEnv();
  const store = createThrottleStore({
    keyPrefix: 'moderato:sign-in',
    windowSeconds: SIGN_IN_POLICY.windowSeconds,
    redis: redisUrl ? throttleRedis(redisUrl) : undefined,
  });
  return (holder.__moderatoSignInThrottle = createSignInThrottle({
    store,
    secret: getAuthSecret(),
  }));
}
