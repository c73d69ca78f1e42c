/**
 * Live-push benchmark (`npm run bench:live`), issue 10's Performance figures in one run:
 *
 * 1. Join → row: JOINS participants join through the stand-in's control API; from each control
 *    call to its row in a signed-in Chromium's participants table (rooms/[roomName]), in three
 *    modes: (a) webhooks (stand-in `--webhook` to the dashboard; goal p95 ≤ 100 ms), (b) no
 *    webhooks, reconciliation only (goal p95 ≤ MODERATO_RECONCILE_MS + 250 ms), (c) the 5 s polling
 *    baseline. For (c) the dashboard itself is the poller: with its stream cut off in the browser it
 *    falls back to polling our GET routes every MODERATO_REFRESH_MS (5000 here), which is what
 *    the other consoles do (ListParticipants on a timer) plus the same rendering path as (a) and
 *    (b), so the three figures differ only by how the news arrives.
 * 2. SSE_CLIENTS concurrent streams on GET /api/live for BENCH_SSE_SECONDS (default 60) while the
 *    stand-in's rooms churn (joins and leaves → webhooks → events): errors, gaps in each client's
 *    event ids, and next-server's RSS before, at its peak, and after they disconnect (settled).
 *    One admin session serves every stream: sessions have no per-user stream limit and only
 *    sign-in is throttled (lib/auth/sign-in-throttle.ts).
 * 3. The webhook receiver: WEBHOOK_RATE signed deliveries/s for BENCH_WEBHOOK_SECONDS (default 10)
 *    on loopback, open loop; achieved rate, p50/p99 and non-2xx answers, at both doors: first the
 *    dedicated port (MODERATO_WEBHOOK_PORT, `receiver_*`, where these dashboards' stand-ins post;
 *    the goal's door), then the route (/api/livekit/webhook inside Next.js, `receiver_route_*`).
 *    Between them, the same load on GET /api/health (a route that does nothing) gives Next.js's
 *    own floor.
 *
 * Node's inspector (bench/live/inspector.ts) reads next-server's JS heap, after a forced GC once
 * the SSE figures are taken (a leak, or memory not yet handed back?), and its event-loop delay
 * during the webhook loads.
 * BENCH_LIVE_PHASES=joins,sse,webhooks runs a subset. BENCH_LIVE_PROFILE=<dir> also saves a CPU
 * profile of next-server for each webhook door's load (`webhooks-<door>.cpuprofile`, open it in
 * Chrome DevTools; build with `next build --no-mangling` for readable names): it costs the server
 * a few percent, so its figures are not the run's figures.
 *
 * Every server is its own process on loopback (stand-ins through their CLI, `next start` in demo
 * mode with the embedded SQLite store and the in-process bus); ports 3200-3202 and 7900-7902, away
 * from e2e's. Ends with one summary line on stdout. Needs a production build (runs `next build`
 * when `.next/BUILD_ID` is missing).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg } from 'node:os';

import type { Browser } from '@playwright/test';

import { measureJoins, type JoinResult } from './live/join-latency';
import { prepareRooms, startChurn } from './live/churn';
import { nextServerPid, rssMb, samplePeak, settledRssMb } from './live/process-memory';
import { openProbes, totals, waitForQuiet } from './live/sse-load';
import { startStandinProcess, type StandinProcess } from './live/standin-process';
import { ascending, log, ms, percentile } from './live/stats';
import { Inspector } from './live/inspector';
import { floorLoad, webhookLoad, type WebhookLoadResult } from './live/webhook-load';
import { launchChromium, startDashboard, type Dashboard } from './support/dashboard';
import { signInCookie } from './support/session-cookie';

const JOINS = 200;
const JOIN_GAP_MS = 100;
const RECONCILE_MS = 2000;
const POLL_MS = 5000;
const SSE_CLIENTS = Number(process.env.BENCH_SSE_CLIENTS ?? 1000);
const SSE_SECONDS = Number(process.env.BENCH_SSE_SECONDS ?? 60);
const WEBHOOK_RATE = Number(process.env.BENCH_WEBHOOK_RATE ?? 2000);
const WEBHOOK_SECONDS = Number(process.env.BENCH_WEBHOOK_SECONDS ?? 10);
const FLOOR_SECONDS = 5;
const PROFILE_DIR = process.env.BENCH_LIVE_PROFILE || null;
const SSE_ROOMS = Array.from({ length: 5 }, (_, i) => `bench-sse-${i}`);

const GOALS = {
  webhooksP95: 100,
  reconcileP95: RECONCILE_MS + 250,
  rssGrowthMb: 50,
  rssReturnMb: 10,
  receiverP99: 20,
};

/** `webhook`: the dashboard's dedicated webhook port (MODERATO_WEBHOOK_PORT), where LiveKit posts. */
const PORTS = {
  webhooks: { dashboard: 3200, standin: 7900, webhook: 3210 },
  reconcile: { dashboard: 3201, standin: 7901, webhook: 3211 },
  load: { dashboard: 3202, standin: 7902, webhook: 3212 },
};

/** Dashboards of this run: SQLite, in-process bus, defaults made explicit. */
const DASHBOARD_ENV = {
  DATABASE_URL: '',
  REDIS_URL: '',
  MODERATO_RECONCILE_MS: String(RECONCILE_MS),
  MODERATO_REFRESH_MS: String(POLL_MS),
};

function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', () => reject(new Error(`port ${port} is in use: free it or wait`)));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve()));
  });
}

async function startPair(
  name: string,
  ports: { dashboard: number; standin: number; webhook: number },
  webhooks: boolean,
): Promise<{
  standin: StandinProcess;
  dashboard: Dashboard;
  webhookUrl: string;
  stop(): Promise<void>;
}> {
  for (const port of Object.values(ports)) await assertPortFree(port);
  // Deployed as the README recommends for high event rates: LiveKit posts to the dedicated port.
  const webhookUrl = `http://127.0.0.1:${ports.webhook}/api/livekit/webhook`;
  const standin = await startStandinProcess(ports.standin, webhooks ? webhookUrl : null);
  let dashboard: Dashboard;
  try {
    dashboard = await startDashboard(`bench:live-${name}`, standin.url, {
      port: ports.dashboard,
      env: {
        ...DASHBOARD_ENV,
        MODERATO_WEBHOOK_PORT: String(ports.webhook),
        MODERATO_WEBHOOK_HOST: '127.0.0.1',
      },
    });
  } catch (err) {
    await standin.stop();
    throw err;
  }
  // The machine is shared: the load average says how much of it this run had.
  log(
    `${name}: next start on ${dashboard.url}, stand-in ${standin.url}, webhooks ${webhooks}; load1=${(loadavg()[0] ?? 0).toFixed(2)}`,
  );
  return {
    standin,
    dashboard,
    webhookUrl,
    async stop() {
      const exited = new Promise<void>((resolve) => {
        if (dashboard.proc.exitCode !== null || dashboard.proc.signalCode !== null) resolve();
        else dashboard.proc.once('exit', () => resolve());
      });
      dashboard.stop();
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      await standin.stop();
    },
  };
}

interface JoinFigures {
  p50: number;
  p95: number;
  missing: number;
}

function joinFigures(label: string, result: JoinResult): JoinFigures {
  const sorted = ascending(result.latencies);
  const toEvent = ascending(result.toEvent);
  const figures = {
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    missing: result.missing + result.failedCalls,
  };
  log(
    `join → row, ${label}: n=${sorted.length} min ${ms(sorted[0] ?? NaN, 1)} p50 ${ms(figures.p50, 1)} p95 ${ms(figures.p95, 1)} max ${ms(sorted[sorted.length - 1] ?? NaN, 1)} ms, ${result.missing} never shown, ${result.failedCalls} calls failed; join → event on a stream: p50 ${ms(percentile(toEvent, 50), 1)} p95 ${ms(percentile(toEvent, 95), 1)} ms (n=${toEvent.length})`,
  );
  return figures;
}

async function joinPhase(browser: Browser) {
  const withWebhooks = await startPair('webhooks', PORTS.webhooks, true);
  let webhooks: JoinFigures;
  try {
    webhooks = joinFigures(
      'webhooks',
      await measureJoins({
        browser,
        dashboardUrl: withWebhooks.dashboard.url,
        standinUrl: withWebhooks.standin.url,
        roomName: 'bench-live-webhooks',
        joins: JOINS,
        gapMs: JOIN_GAP_MS,
        blockStream: false,
        graceMs: RECONCILE_MS * 3,
      }),
    );
  } finally {
    await withWebhooks.stop();
  }

  const without = await startPair('reconcile', PORTS.reconcile, false);
  try {
    const reconcile = joinFigures(
      'reconciliation only',
      await measureJoins({
        browser,
        dashboardUrl: without.dashboard.url,
        standinUrl: without.standin.url,
        roomName: 'bench-live-reconcile',
        joins: JOINS,
        gapMs: JOIN_GAP_MS,
        blockStream: false,
        graceMs: RECONCILE_MS * 3,
      }),
    );
    const polling = joinFigures(
      `${POLL_MS / 1000} s polling`,
      await measureJoins({
        browser,
        dashboardUrl: without.dashboard.url,
        standinUrl: without.standin.url,
        roomName: 'bench-live-polling',
        joins: JOINS,
        gapMs: JOIN_GAP_MS,
        blockStream: true,
        graceMs: POLL_MS * 3,
      }),
    );
    return { webhooks, reconcile, polling };
  } finally {
    await without.stop();
  }
}

async function ssePhase(
  dashboard: Dashboard,
  standinUrl: string,
  pid: number,
  inspector: Inspector,
) {
  const url = `${dashboard.url}/api/live`;
  const cookie = await signInCookie(dashboard.url, 'admin', 'admin-demo');
  await prepareRooms(standinUrl, SSE_ROOMS);

  // Warm-up: the route compiled and run, a few streams fed and closed, before the baseline.
  const warmProbes = await openProbes(url, cookie, 20);
  const warmChurn = startChurn(standinUrl, SSE_ROOMS, { prefix: 'warm' });
  await new Promise((resolve) => setTimeout(resolve, 3000));
  await warmChurn.stop();
  await waitForQuiet(warmProbes, { quietMs: RECONCILE_MS + 500 });
  for (const probe of warmProbes) probe.close();
  // A full GC first: the baseline is the idle server without garbage (the strictest one).
  await inspector.collectGarbage();
  const heapBase = await inspector.heapUsedMb();
  const base = await settledRssMb(pid, 'baseline');
  log(
    `SSE: baseline RSS ${base.rss.toFixed(1)} MB (settled in ${base.waitedMs} ms), JS heap ${heapBase.toFixed(1)} MB`,
  );

  const peak = samplePeak(pid);
  const openedAt = Date.now();
  const probes = await openProbes(url, cookie, SSE_CLIENTS);
  const openErrors = probes.filter((p) => p.error !== null).length;
  log(
    `SSE: ${SSE_CLIENTS} streams opened in ${Date.now() - openedAt} ms (${openErrors} failed), RSS ${peak.stop().toFixed(1)} MB so far`,
  );
  const during = samplePeak(pid);
  const churn = startChurn(standinUrl, SSE_ROOMS, { prefix: 'load' });
  await new Promise((resolve) => setTimeout(resolve, SSE_SECONDS * 1000));
  const churned = await churn.stop();
  const quiet = await waitForQuiet(probes, { quietMs: RECONCILE_MS + 500 });
  const peakRss = during.stop();
  const figures = totals(probes);
  for (const [kind, n] of figures.errorKinds) log(`SSE: ${n} streams failed: ${kind}`);
  log(
    `SSE: ${churned.calls} control calls (${churned.failed} failed), newest event seq ${quiet.newest}, events per client ${figures.eventsMin}..${figures.eventsMax}, gaps ${figures.gaps}, out of order ${figures.outOfOrder}, bad data ${figures.badData}, behind ${quiet.behind}`,
  );

  for (const probe of probes) probe.close();
  // A window longer than V8's memory reducer takes to start (8 s after the allocation rate drops,
  // kLongDelayMs in https://github.com/v8/v8/blob/main/src/heap/memory-reducer.cc) and finish its
  // collections: "back to baseline" is what the idle server hands back by itself, with no forced
  // GC, and not the RSS of the seconds before it looks.
  // The event loop's longest stall meanwhile: the collection the server asks for once the crowd
  // has left (lib/live/stream-memory.ts) blocks it.
  await inspector.startLoopDelay();
  const after = await settledRssMb(pid, 'after disconnect', { windowMs: 20_000 });
  const afterLoop = await inspector.stopLoopDelay();
  log(
    `SSE: peak RSS ${peakRss.toFixed(1)} MB, after disconnect ${after.rss.toFixed(1)} MB (settled in ${after.waitedMs} ms); event-loop delay max meanwhile ${ms(afterLoop.max, 1)} ms`,
  );
  // Leak or not: what a full GC leaves of the JS heap, against the baseline's.
  const heapBefore = await inspector.heapUsedMb();
  await inspector.collectGarbage();
  log(
    `SSE: after disconnect JS heap ${heapBefore.toFixed(1)} MB, ${(await inspector.heapUsedMb()).toFixed(1)} MB after a forced GC (baseline ${heapBase.toFixed(1)} MB); RSS then ${rssMb(pid).toFixed(1)} MB`,
  );
  return { figures, quiet, base: base.rss, peak: peakRss, after: after.rss };
}

/** WEBHOOK_RATE signed deliveries/s to one door of the receiver, with the event-loop delay. */
async function webhookDoor(
  inspector: Inspector,
  pid: number,
  door: 'route' | 'dedicated port',
  url: string,
): Promise<WebhookLoadResult> {
  await inspector.startLoopDelay();
  if (PROFILE_DIR) await inspector.startProfile();
  const result = await webhookLoad(url, { rate: WEBHOOK_RATE, seconds: WEBHOOK_SECONDS });
  if (PROFILE_DIR) {
    mkdirSync(PROFILE_DIR, { recursive: true });
    const file = `${PROFILE_DIR}/webhooks-${door.replace(' ', '-')}.cpuprofile`;
    writeFileSync(file, await inspector.stopProfile());
    log(`webhooks, ${door}: CPU profile in ${file}`);
  }
  const loop = await inspector.stopLoopDelay();
  log(
    `webhooks, ${door}: ${result.sent} deliveries at ${result.rate.toFixed(0)}/s, p50 ${ms(result.p50, 2)} p99 ${ms(result.p99, 2)} max ${ms(result.max, 1)} ms, outcomes ${[...result.outcomes].map(([k, n]) => `${k}×${n}`).join(', ')}; event-loop delay p99 ${ms(loop.p99, 1)} max ${ms(loop.max, 1)} ms; next-server RSS ${rssMb(pid).toFixed(1)} MB`,
  );
  return result;
}

type Phase = 'joins' | 'sse' | 'webhooks';
const PHASES: Phase[] = ['joins', 'sse', 'webhooks'];

/** BENCH_LIVE_PHASES=joins,sse,webhooks (default all): a subset, to look into one figure. */
function selectedPhases(): Set<Phase> {
  const asked = process.env.BENCH_LIVE_PHASES?.split(',').map((p) => p.trim()) ?? PHASES;
  const unknown = asked.filter((p) => !PHASES.includes(p as Phase));
  if (unknown.length > 0) throw new Error(`BENCH_LIVE_PHASES: unknown ${unknown.join(', ')}`);
  return new Set(asked as Phase[]);
}

const NOT_RUN: JoinFigures = { p50: Number.NaN, p95: Number.NaN, missing: 0 };

async function main(): Promise<void> {
  const started = Date.now();
  const phases = selectedPhases();
  const cleanups: (() => unknown)[] = [];
  const cleanup = async () => {
    for (const fn of cleanups.splice(0).reverse()) await fn();
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void cleanup().finally(() => process.exit(130)));
  }
  try {
    let joins = { webhooks: NOT_RUN, reconcile: NOT_RUN, polling: NOT_RUN };
    if (phases.has('joins')) {
      const browser = await launchChromium();
      cleanups.push(() => browser.close());
      joins = await joinPhase(browser);
      await cleanup();
    }

    let sse: Awaited<ReturnType<typeof ssePhase>> | null = null;
    let receiver: WebhookLoadResult | null = null;
    let routeReceiver: WebhookLoadResult | null = null;
    if (phases.has('sse') || phases.has('webhooks')) {
      const load = await startPair('load', PORTS.load, true);
      cleanups.push(() => load.stop());
      const pid = nextServerPid(load.dashboard.proc.pid!);
      const inspector = await Inspector.attach(pid);
      cleanups.push(() => inspector.close());
      log(`load: next-server pid ${pid}, inspector attached`);
      if (phases.has('sse')) {
        sse = await ssePhase(load.dashboard, load.standin.url, pid, inspector);
      }
      if (phases.has('webhooks')) {
        // The door the goal is for first, on a server that has only served the streams: the
        // floor and the route take this load at a fraction of the rate, and the backlog they
        // leave (hundreds of MB, seconds of queue) is what the next load would measure.
        receiver = await webhookDoor(inspector, pid, 'dedicated port', load.webhookUrl);
        await inspector.startLoopDelay();
        const floor = await floorLoad(load.dashboard.url, {
          rate: WEBHOOK_RATE,
          seconds: FLOOR_SECONDS,
        });
        const floorLoop = await inspector.stopLoopDelay();
        log(
          `floor, GET /api/health: ${floor.sent} requests at ${floor.rate.toFixed(0)}/s, p50 ${ms(floor.p50, 2)} p99 ${ms(floor.p99, 2)} ms, ${floor.non2xx} non-2xx; event-loop delay p99 ${ms(floorLoop.p99, 1)} max ${ms(floorLoop.max, 1)} ms`,
        );
        routeReceiver = await webhookDoor(
          inspector,
          pid,
          'route',
          `${load.dashboard.url}/api/livekit/webhook`,
        );
      }
    }

    const growth = sse ? sse.peak - sse.base : Number.NaN;
    const returned = sse ? sse.after - sse.base : Number.NaN;
    const met = {
      webhooks: joins.webhooks.p95 <= GOALS.webhooksP95 && joins.webhooks.missing === 0,
      reconcile: joins.reconcile.p95 <= GOALS.reconcileP95 && joins.reconcile.missing === 0,
      sse:
        sse !== null &&
        sse.figures.errors === 0 &&
        sse.figures.gaps === 0 &&
        sse.figures.outOfOrder === 0 &&
        sse.quiet.behind === 0 &&
        growth <= GOALS.rssGrowthMb &&
        Math.abs(returned) <= GOALS.rssReturnMb,
      receiver:
        receiver !== null &&
        receiver.rate >= WEBHOOK_RATE * 0.98 &&
        receiver.p99 <= GOALS.receiverP99 &&
        receiver.non2xx === 0,
    };
    log(
      `goals met: ${Object.entries(met)
        .map(([k, v]) => `${k}=${v}`)
        .join(
          ' ',
        )}; load1=${(loadavg()[0] ?? 0).toFixed(2)}; ${((Date.now() - started) / 1000).toFixed(0)} s`,
    );
    const mb = (value: number | undefined) => (value === undefined ? 'na' : value.toFixed(1));
    console.log(
      [
        'bench:live',
        `joins=${JOINS}`,
        `join_webhooks_p50_ms=${ms(joins.webhooks.p50)}`,
        `join_webhooks_p95_ms=${ms(joins.webhooks.p95)}`,
        `join_reconcile_p50_ms=${ms(joins.reconcile.p50)}`,
        `join_reconcile_p95_ms=${ms(joins.reconcile.p95)}`,
        `join_poll5s_p50_ms=${ms(joins.polling.p50)}`,
        `join_poll5s_p95_ms=${ms(joins.polling.p95)}`,
        `join_missing=${joins.webhooks.missing + joins.reconcile.missing + joins.polling.missing}`,
        `reconcile_ms=${RECONCILE_MS}`,
        `sse_clients=${sse?.figures.clients ?? 'na'}`,
        `sse_seconds=${SSE_SECONDS}`,
        `sse_events_per_client=${sse?.figures.eventsMin ?? 'na'}`,
        `sse_errors=${sse?.figures.errors ?? 'na'}`,
        `sse_gaps=${sse ? sse.figures.gaps + sse.figures.outOfOrder + sse.quiet.behind : 'na'}`,
        `rss_base_mb=${mb(sse?.base)}`,
        `rss_peak_mb=${mb(sse?.peak)}`,
        `rss_growth_mb=${ms(growth, 1)}`,
        `rss_after_mb=${mb(sse?.after)}`,
        `receiver_rate=${receiver ? receiver.rate.toFixed(0) : 'na'}`,
        `receiver_p50_ms=${ms(receiver?.p50 ?? Number.NaN, 2)}`,
        `receiver_p99_ms=${ms(receiver?.p99 ?? Number.NaN, 2)}`,
        `receiver_non2xx=${receiver?.non2xx ?? 'na'}`,
        `receiver_route_rate=${routeReceiver ? routeReceiver.rate.toFixed(0) : 'na'}`,
        `receiver_route_p99_ms=${ms(routeReceiver?.p99 ?? Number.NaN, 2)}`,
        `targets_met=${phases.size === PHASES.length && Object.values(met).every(Boolean)}`,
      ].join(' '),
    );
  } finally {
    await cleanup();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
