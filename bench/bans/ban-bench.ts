/**
 * Issue 12's ban figure: a banned identity rejoins REJOINS times through the stand-in's control
 * API; from each join call to its removal in the stand-in, with webhooks on (stand-in `--webhook`
 * to the dashboard). Goal: p95 ≤ 200 ms. Its own stand-in process and `next start` in demo mode
 * (embedded SQLite store, in-process bus), so it can follow another benchmark in one run:
 * `npm run bench:bulk` ends with it, `npm run bench:bans` runs it alone.
 */
import { loadavg } from 'node:os';

import { startStandinProcess } from '../live/standin-process';
import { ascending, percentile } from '../live/stats';
import { freePort, startDashboard } from '../support/dashboard';
import { signInCookie } from '../support/session-cookie';
import { measureBanRejoins } from './rejoin-latency';

export const BAN_GOAL_P95_MS = 200;

export interface BanBenchResult {
  rejoins: number;
  removed: number;
  missed: number;
  p50: number;
  p95: number;
  max: number;
  met: boolean;
}

export async function runBanBench(
  log: (line: string) => void,
  rejoins = Number(process.env.BENCH_BAN_REJOINS ?? 50),
): Promise<BanBenchResult> {
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
      `bans: next start on ${dashboard.url}, stand-in ${standin.url}; load1=${(loadavg()[0] ?? 0).toFixed(2)}`,
    );
    const cookie = await signInCookie(dashboard.url, 'moderator', 'moderator-demo');
    const { latencies, missed } = await measureBanRejoins({
      dashboardUrl: dashboard.url,
      standinUrl: standin.url,
      cookie,
      roomName: 'bench-bans',
      rejoins,
    });
    const sorted = ascending(latencies);
    const p95 = percentile(sorted, 95);
    return {
      rejoins,
      removed: sorted.length,
      missed,
      p50: percentile(sorted, 50),
      p95,
      max: sorted[sorted.length - 1] ?? NaN,
      met: missed === 0 && p95 <= BAN_GOAL_P95_MS,
    };
  } finally {
    dashboard?.stop();
    await standin.stop();
  }
}
