/**
 * Ban benchmark (`npm run bench:bans`), issue 12's figure for bans that hold: a banned identity
 * rejoins REJOINS times through the stand-in's control API; from each join call to its removal in
 * the stand-in, with webhooks on (stand-in `--webhook` to the dashboard). Goal: p95 ≤ 200 ms.
 *
 * The stand-in runs as its own process (its CLI), the dashboard as `next start` in demo mode with
 * the embedded SQLite store and the in-process bus. Ends with one summary line on stdout. Needs a
 * production build (runs `next build` when `.next/BUILD_ID` is missing).
 */
import { loadavg } from 'node:os';

import { measureBanRejoins } from './bans/rejoin-latency';
import { startStandinProcess } from './live/standin-process';
import { ascending, ms, percentile } from './live/stats';
import { freePort, startDashboard } from './support/dashboard';
import { signInCookie } from './support/session-cookie';

const REJOINS = Number(process.env.BENCH_BAN_REJOINS ?? 50);
const GOAL_P95_MS = 200;
const log = (line: string) => console.error(`bench:bans: ${line}`);

async function main(): Promise<void> {
  const port = await freePort();
  const standin = await startStandinProcess(
    await freePort(),
    `http://127.0.0.1:${port}/api/livekit/webhook`,
  );
  let dashboard: Awaited<ReturnType<typeof startDashboard>> | undefined;
  try {
    dashboard = await startDashboard('bench:bans', standin.url, {
      port,
      env: { DATABASE_URL: '', REDIS_URL: '' },
    });
    log(
      `next start on ${dashboard.url}, stand-in ${standin.url}; load1=${(loadavg()[0] ?? 0).toFixed(2)}`,
    );
    const cookie = await signInCookie(dashboard.url, 'moderator', 'moderator-demo');
    const { latencies, missed } = await measureBanRejoins({
      dashboardUrl: dashboard.url,
      standinUrl: standin.url,
      cookie,
      roomName: 'bench-bans',
      rejoins: REJOINS,
    });
    const sorted = ascending(latencies);
    const p50 = percentile(sorted, 50);
    const p95 = percentile(sorted, 95);
    const max = sorted[sorted.length - 1] ?? NaN;
    const pass = missed === 0 && p95 <= GOAL_P95_MS;
    console.log(
      `bench:bans: banned rejoin → removal with webhooks, n=${sorted.length}/${REJOINS}: p50 ${ms(p50, 1)} p95 ${ms(p95, 1)} max ${ms(max, 1)} ms, ${missed} not removed (goal p95 ≤ ${GOAL_P95_MS} ms: ${pass ? 'met' : 'NOT met'}; load1=${(loadavg()[0] ?? 0).toFixed(2)})`,
    );
    if (!pass) process.exitCode = 1;
  } finally {
    dashboard?.stop();
    await standin.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
