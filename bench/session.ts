/**
 * Session check benchmark (`npm run bench:session`): what the server-side session check adds to
 * every request. `getActor()` runs next-auth's session callback on each request; the check is the
 * `isSessionActive` call at its top, the rest of the callback (re-reading the user) was there
 * before. Both are timed directly, 2,000 sequential requests each, on a fresh embedded SQLite store
 * (and on PostgreSQL too when TEST_POSTGRES_URL is set):
 *  - hot:  the session record is in the in-process cache (requests within the 2 s TTL);
 *  - cold: the cache is off, so every check reads the store — the worst case, and the figure the
 *          target applies to (a cache hit only makes it cheaper);
 *  - the whole session callback with the check, and the user read alone (the callback without it).
 * Target: added p50 ≤ 1 ms on every store. Runs under the `react-server` condition (package.json)
 * because the store modules are `server-only`.
 */
import { performance } from 'node:perf_hooks';

import type { Session } from 'next-auth';
import type { JWT } from 'next-auth/jwt';

import { getAuthOptions } from '@/lib/auth/options';
import { isSessionActive, resetSessionRuntime, startSession } from '@/lib/auth/sessions';
import { closeDb, openDb } from '@/lib/db';
import { testStores, type TestStore } from '@/lib/db/test-stores';
import { createUser, findUserById } from '@/lib/db/users';

const REQUESTS = 2000;
const WARMUP = 200;
const ADDED_P50_TARGET_MS = 1;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

interface Figures {
  p50: number;
  p95: number;
}

async function time(run: () => Promise<unknown>): Promise<Figures> {
  for (let i = 0; i < WARMUP; i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  const sorted = samples.sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95) };
}

/** The check's cost with the cache at `cacheMs` (0 = read the store on every request). */
async function timeCheck(cacheMs: number, sessionId: string, userId: string): Promise<Figures> {
  process.env.MODERATO_SESSION_CACHE_MS = String(cacheMs);
  await resetSessionRuntime();
  return time(async () => {
    if (!(await isSessionActive(sessionId, userId))) throw new Error('the session was refused');
  });
}

const ms = (value: number) => value.toFixed(3);

async function benchStore(kind: string, makeStore: () => TestStore) {
  const store = makeStore();
  await openDb(await store.create());
  try {
    // A populated table, so the lookup is an index seek among many rows, not a scan of one.
    const users = await Promise.all(
      Array.from({ length: 50 }, (_, i) => createUser({ username: `bench-${i}`, role: 'viewer' })),
    );
    for (const user of users) {
      for (let i = 0; i < 20; i++) await startSession(user.id, { userAgent: 'bench', ip: null });
    }
    const user = users[0]!;
    const sessionId = await startSession(user.id, { userAgent: 'bench', ip: '127.0.0.1' });

    const hot = await timeCheck(2000, sessionId, user.id);
    const cold = await timeCheck(0, sessionId, user.id);

    process.env.MODERATO_SESSION_CACHE_MS = '2000';
    await resetSessionRuntime();
    const token = { sessionId, userId: user.id, sub: user.id } as JWT;
    const callback = getAuthOptions().callbacks!.session!;
    const session = { user: { id: user.id }, expires: '' } as unknown as Session;
    const withCheck = await time(async () =>
      callback({
        session,
        token,
        user: undefined as never,
        newSession: undefined,
        trigger: 'update',
      }),
    );
    const userReadOnly = await time(() => findUserById(user.id));

    console.error(
      `bench:session ${kind}: check hot p50 ${ms(hot.p50)} p95 ${ms(hot.p95)} ms · cold (store read) p50 ${ms(cold.p50)} p95 ${ms(cold.p95)} ms · session callback with check p50 ${ms(withCheck.p50)} ms, user read alone (without) p50 ${ms(userReadOnly.p50)} ms`,
    );
    return { kind, hot, cold, withCheck, userReadOnly };
  } finally {
    await resetSessionRuntime();
    await closeDb();
    await store.destroy();
  }
}

async function main(): Promise<void> {
  process.env.NEXTAUTH_SECRET ??= 'bench-secret-not-for-production-0123456789abcdef';
  const results = [];
  for (const { kind, store } of testStores()) results.push(await benchStore(kind, store));
  // The target applies to the worst store and to the worst case (every request reads the store).
  const worst = results.reduce((a, b) => (b.cold.p50 > a.cold.p50 ? b : a));
  const hottest = results.reduce((a, b) => (b.hot.p50 > a.hot.p50 ? b : a));
  console.log(
    [
      'bench:session',
      `stores=${results.map((r) => r.kind).join(',')}`,
      `requests=${REQUESTS}`,
      `added_p50_ms=${ms(worst.cold.p50)}`,
      `added_p95_ms=${ms(worst.cold.p95)}`,
      `cached_p50_ms=${ms(hottest.hot.p50)}`,
      `worst_store=${worst.kind}`,
      `targets_met=${worst.cold.p50 <= ADDED_P50_TARGET_MS}`,
    ].join(' '),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
