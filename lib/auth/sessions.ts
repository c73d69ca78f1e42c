import 'server-only';

import {
  createSession,
  findSession,
  pruneSessions,
  revokeSession,
  revokeUserSessions,
  touchSession,
  type RevokeReason,
} from '@/lib/db/sessions';

import { authEnv } from './auth-env';
import { connectRevocationBus, type Revocation, type RevocationBus } from './sessions-bus';
import { SessionCache } from './sessions-cache';
import { parseSessionEnv } from './sessions-env';
import type { SessionRequestInfo } from './sessions-request';

/**
 * Server-side sessions (docs/ARCHITECTURE.md, "Sessions that end"). The session JWT carries the id
 * of a row in `sessions`; a request is let in only while that row is open. The row is cached for
 * MODERATO_SESSION_CACHE_MS (2 s): revocations made here, or broadcast through Redis, drop the
 * entry at once; without Redis another instance's revocation is seen within that TTL.
 */

/** Activity is written at most this often per session, so the check stays a read. */
const TOUCH_INTERVAL_MS = 60_000;
/** Rows this long past their expiry are deleted at the next sign-in. */
const PRUNE_AFTER_MS = 24 * 60 * 60 * 1000;

interface SessionRuntime {
  cache: SessionCache;
  redisUrl: string | null;
  bus?: RevocationBus;
}

// On globalThis: Next bundles route handlers, pages and actions separately, and a revocation made in
// one bundle (sign-out in /api/auth) must empty the cache the others read (/api/v1, pages).
const holder = globalThis as typeof globalThis & { __moderatoSessions?: SessionRuntime };

function runtime(): SessionRuntime {
  if (!holder.__moderatoSessions) {
    const { cacheMs, redisUrl } = parseSessionEnv(process.env);
    holder.__moderatoSessions = { cache: new SessionCache(cacheMs), redisUrl };
  }
  return holder.__moderatoSessions;
}

function forgetLocally(cache: SessionCache, revocation: Revocation): void {
  if ('sessionId' in revocation) cache.forget(revocation.sessionId);
  else cache.forgetUser(revocation.userId);
}

/** The Redis bus when REDIS_URL is set; started by the first check, so every server listens. */
function busOf(rt: SessionRuntime): RevocationBus | null {
  if (!rt.redisUrl) return null;
  rt.bus ??= connectRevocationBus(rt.redisUrl, {
    onRevocation: (revocation) => forgetLocally(rt.cache, revocation),
    onResubscribed: () => rt.cache.clear(),
  });
  return rt.bus;
}

async function broadcast(revocation: Revocation): Promise<void> {
  const rt = runtime();
  forgetLocally(rt.cache, revocation);
  await busOf(rt)?.publish(revocation);
}

function maxAgeMs(): number {
  return authEnv().sessionMaxAgeSeconds * 1000;
}

/** Opens a session for a user who just signed in; its id goes into the JWT. */
export async function startSession(userId: string, info: SessionRequestInfo): Promise<string> {
  const now = Date.now();
  const session = await createSession({ userId, maxAgeMs: maxAgeMs(), ...info, nowMs: now });
  // Housekeeping where nobody notices the wait: a sign-in is rare and already slow (scrypt).
  await pruneSessions(now - PRUNE_AFTER_MS).catch((err: unknown) => {
    console.warn('[sessions] pruning expired sessions failed:', err);
  });
  return session.id;
}

/**
 * Whether the JWT's session may still be used: its row exists, belongs to the token's user, is not
 * revoked and not expired. A token without a session id (issued before sessions were recorded, or
 * forged without one) is refused: it could never be revoked.
 */
export async function isSessionActive(
  sessionId: unknown,
  userId: unknown,
  nowMs = Date.now(),
): Promise<boolean> {
  if (typeof sessionId !== 'string' || typeof userId !== 'string') return false;
  const rt = runtime();
  busOf(rt);
  let session = rt.cache.get(sessionId, nowMs);
  if (session === undefined) {
    const generation = rt.cache.currentGeneration();
    session = await findSession(sessionId);
    rt.cache.set(sessionId, session, nowMs, generation);
  }
  if (!session || session.userId !== userId) return false;
  if (session.revokedAtMs !== null || session.expiresAtMs <= nowMs) return false;
  if (nowMs - session.lastSeenAtMs >= TOUCH_INTERVAL_MS) {
    // Update the cached copy first, so concurrent requests do not write the same minute again.
    session.lastSeenAtMs = nowMs;
    session.expiresAtMs = nowMs + maxAgeMs();
    await touchSession(sessionId, maxAgeMs(), nowMs).catch((err: unknown) => {
      // Last-seen is informational; a busy store must not turn a valid request away.
      console.warn('[sessions] recording activity failed:', err);
    });
  }
  return true;
}

/** Ends one session (sign-out): a copy of its cookie is refused from the next request on. */
export async function endSession(
  sessionId: string,
  reason: RevokeReason = 'sign_out',
): Promise<boolean> {
  const ended = await revokeSession(sessionId, reason);
  await broadcast({ sessionId });
  return ended;
}

/** Ends every session of a user; answers how many were open. */
export async function endUserSessions(userId: string, reason: RevokeReason): Promise<number> {
  const ended = await revokeUserSessions(userId, reason);
  await broadcast({ userId });
  return ended;
}

/** Tests and tools: drops the cache and the Redis connections; the next call starts afresh. */
export async function resetSessionRuntime(): Promise<void> {
  const rt = holder.__moderatoSessions;
  holder.__moderatoSessions = undefined;
  await rt?.bus?.close();
}
