/**
 * Ban benchmark alone (`npm run bench:bans`); `npm run bench:bulk` ends with the same
 * measurement (bench/bans/ban-bench.ts). Needs a production build (runs `next build` when
 * `.next/BUILD_ID` is missing). Ends with one summary line on stdout.
 */
import { loadavg } from 'node:os';

import { BAN_GOAL_P95_MS, runBanBench } from './bans/ban-bench';
import { ms } from './live/stats';

const log = (line: string) => console.error(`bench:bans: ${line}`);

async function main(): Promise<void> {
  const r = await runBanBench(log);
  console.log(
    `bench:bans: banned rejoin → removal with webhooks, n=${r.removed}/${r.rejoins}: p50 ${ms(r.p50, 1)} p95 ${ms(r.p95, 1)} max ${ms(r.max, 1)} ms, ${r.missed} not removed (goal p95 ≤ ${BAN_GOAL_P95_MS} ms: ${r.met ? 'met' : 'NOT met'}; load1=${(loadavg()[0] ?? 0).toFixed(2)})`,
  );
  if (!r.met) process.exitCode = 1;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
