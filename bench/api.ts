/**
 * REST API overhead benchmark (`npm run bench:api`). One track mute through the full stack —
 * `PATCH /api/v1/rooms/{room}/participants/{identity}/tracks/{sid}` with the demo moderator's
 * session cookie (session → authorize → LiveKit → audit, SQLite store in a temp dir) — against the
 * same MutePublishedTrack called directly with livekit-server-sdk on the same stand-in, in the same
 * run, with the same load: 2,000 calls, 16 in flight, spread over 16 participants with a microphone
 * each. Both paths are warmed up (500 calls each), then measured alternately (direct, API, …) for
 * ROUNDS rounds; every reported figure is the MEDIAN of that figure over the rounds.
 * Targets: API throughput ≥ 60 % of direct, added p50 latency ≤ 5 ms, every API answer 200.
 * The same run measures the portal door too (issue 11): `POST
 * /livekit/participant/mute` with an API key (key lookup, per-key rate limit — set so high it never
 * refuses, but counted — runner, audit), against the same direct calls, with the same targets, at
 * both of its doors: the route inside Next.js (`portal_*`) and the dashboard's API port
 * (MODERATO_API_PORT, lib/http/portal-listener.ts, `port_*`), the deployment the REST API guide
 * advises for high call rates; the portal line's `targets_met` is the API port's.
 *
 * The stand-in runs in its own child process (bench/support/standin-child.ts), so the direct SDK
 * client and the server do not share an event loop — as the dashboard and the stand-in do not —
 * and counts the requests it serves by path, which gives the number of LiveKit calls one API mute
 * makes. Everything listens on 127.0.0.1; the run is bounded and stops
 * its children. Needs a production build (runs `next build` when `.next/BUILD_ID` is missing).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

import { StandinControl } from '@moderato/livekit-standin/client';
import { RoomServiceClient } from 'livekit-server-sdk';

import { freePort, KEY, SECRET, startDashboard, type Dashboard } from './support/dashboard';
import { signInCookie } from './support/session-cookie';
import { diffCounts, spawnStandin, type Counts } from './support/standin-child';

const ROOM = 'bench-api';
const PARTICIPANTS = 16;
const CALLS = 2000;
const IN_FLIGHT = 16;
const WARMUP = 500;
const ROUNDS = 3;
const RATIO_TARGET = 0.6;
const ADDED_P50_TARGET_MS = 5;

const identityOf = (i: number) => `speaker-${String(i).padStart(2, '0')}`;
const log = (line: string) => console.error(`bench:api: ${line}`);

// ---- load ---------------------------------------------------------------------------------------

interface Target {
  identity: string;
  trackSid: string;
}

interface RoundResult {
  rps: number;
  p50: number;
  p99: number;
  failures: number;
}

const percentile = (sorted: Float64Array, p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/**
 * Exactly `total` calls with `inFlight` workers; call `i` targets participant `i % PARTICIPANTS`.
 * `call` resolves to true on success. Latency is per call, from issuing to the full answer.
 */
async function runFixed(
  total: number,
  inFlight: number,
  call: (i: number) => Promise<boolean>,
): Promise<RoundResult> {
  const latencies = new Float64Array(total);
  let next = 0;
  let failures = 0;
  const worker = async (): Promise<void> => {
    while (next < total) {
      const i = next++;
      const t0 = performance.now();
      const ok = await call(i);
      latencies[i] = performance.now() - t0;
      if (!ok) failures += 1;
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: inFlight }, worker));
  const elapsed = performance.now() - t0;
  latencies.sort();
  return {
    rps: total / (elapsed / 1000),
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    failures,
  };
}

/** The REST path: one keep-alive node:http client, the moderator's cookie, a same-origin Origin. */
function apiCaller(dashboard: Dashboard, cookie: string, targets: Target[]) {
  const agent = new Agent({ keepAlive: true, maxSockets: IN_FLIGHT });
  const body = JSON.stringify({ muted: true });
  const statuses = new Map<number, number>();
  const samples: string[] = [];
  const call = (i: number): Promise<boolean> =>
    new Promise((resolve, reject) => {
      const { identity, trackSid } = targets[i % targets.length]!;
      const req = request(
        `${dashboard.url}/api/v1/rooms/${encodeURIComponent(ROOM)}/participants/${encodeURIComponent(identity)}/tracks/${encodeURIComponent(trackSid)}`,
        {
          method: 'PATCH',
          agent,
          headers: {
            cookie,
            origin: dashboard.url,
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
          },
        },
        (res) => {
          const status = res.statusCode ?? 0;
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          let text = '';
          res.on('data', (chunk: Buffer) => {
            if (status !== 200) text += chunk.toString();
          });
          res.on('end', () => {
            if (status !== 200 && samples.length < 3)
              samples.push(`${status} ${text.slice(0, 300)}`);
            resolve(status === 200);
          });
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  return { call, statuses, samples, close: () => agent.destroy() };
}

/** Creates an API key through the admin's REST API (session cookie, same-origin). */
async function createKey(dashboard: Dashboard, adminCookie: string): Promise<string> {
  const res = await fetch(`${dashboard.url}/api/v1/api-keys`, {
    method: 'POST',
    headers: { cookie: adminCookie, origin: dashboard.url, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'bench-portal', role: 'moderator' }),
  });
  if (res.status !== 201) throw new Error(`creating the API key answered ${res.status}`);
  return ((await res.json()) as { key: string }).key;
}

/**
 * The portal door: POST /livekit/participant/mute with `Authorization: Bearer <key>`, at `baseUrl`
 * (the dashboard's own URL, or its API port).
 */
function portalCaller(baseUrl: string, key: string, targets: Target[]) {
  const agent = new Agent({ keepAlive: true, maxSockets: IN_FLIGHT });
  const statuses = new Map<number, number>();
  const call = (i: number): Promise<boolean> =>
    new Promise((resolve, reject) => {
      const { identity, trackSid } = targets[i % targets.length]!;
      const body = JSON.stringify({
        room_name: ROOM,
        participant_identity: identity,
        track_sid: trackSid,
        muted: true,
      });
      const req = request(
        `${baseUrl}/livekit/participant/mute`,
        {
          method: 'POST',
          agent,
          headers: {
            authorization: `Bearer ${key}`,
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
          },
        },
        (res) => {
          const status = res.statusCode ?? 0;
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          res.resume();
          res.on('end', () => resolve(status === 200));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  return { call, statuses, close: () => agent.destroy() };
}

/**
 * The floor: `GET /api/health`, a route handler that does nothing (no session, no LiveKit, no
 * store). What Next.js itself costs per request on this machine, so the figures say how much of
 * the gap to the direct calls is ours.
 */
function floorCaller(dashboard: Dashboard) {
  const agent = new Agent({ keepAlive: true, maxSockets: IN_FLIGHT });
  const call = (): Promise<boolean> =>
    new Promise((resolve, reject) => {
      const req = request(`${dashboard.url}/api/health`, { agent }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode === 200));
      });
      req.on('error', reject);
      req.end();
    });
  return { call, close: () => agent.destroy() };
}

/** The direct path: livekit-server-sdk's RoomServiceClient on the same stand-in. */
function directCaller(url: string, targets: Target[]) {
  const sdk = new RoomServiceClient(url, KEY, SECRET);
  return async (i: number): Promise<boolean> => {
    const { identity, trackSid } = targets[i % targets.length]!;
    const track = await sdk.mutePublishedTrack(ROOM, identity, trackSid, true);
    return track?.muted === true;
  };
}

// ---- main ---------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const cleanups: (() => unknown)[] = [];
  const cleanup = async () => {
    for (const fn of cleanups.splice(0).reverse()) await fn();
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void cleanup().finally(() => process.exit(130)));
  }
  try {
    const standin = await spawnStandin();
    cleanups.push(() => standin.stop());
    log(`stand-in (child process) on ${standin.url}`);

    // One room, PARTICIPANTS speakers with a microphone each.
    await new RoomServiceClient(standin.url, KEY, SECRET).createRoom({
      name: ROOM,
      emptyTimeout: 3600,
    });
    const control = new StandinControl({ url: standin.url, apiKey: KEY, apiSecret: SECRET });
    await control.bulkJoin(
      Array.from({ length: PARTICIPANTS }, (_, i) => ({
        room: ROOM,
        identity: identityOf(i),
        tracks: [{ type: 'AUDIO' as const, source: 'MICROPHONE' as const }],
      })),
    );
    const seeded = await control.room(ROOM);
    const targets: Target[] = (seeded?.participants ?? []).map((p) => ({
      identity: p.identity!,
      trackSid: p.tracks![0]!.sid!,
    }));
    if (targets.length !== PARTICIPANTS) throw new Error(`seeded ${targets.length} participants`);

    const dataDir = mkdtempSync(path.join(tmpdir(), 'moderato-bench-api-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const apiPort = await freePort();
    const dashboard = await startDashboard('bench:api', standin.url, {
      dataDir,
      // The embedded SQLite store, whatever the calling shell has configured.
      env: {
        DATABASE_URL: '',
        MODERATO_API_KEY_RATE: '999999999/min',
        MODERATO_API_PORT: String(apiPort),
        MODERATO_API_HOST: '127.0.0.1',
      },
    });
    cleanups.push(() => dashboard.stop());
    log(`next start on ${dashboard.url}, SQLite store in ${dataDir}`);
    const cookie = await signInCookie(dashboard.url, 'moderator', 'moderator-demo');
    log('signed in as moderator');

    const api = apiCaller(dashboard, cookie, targets);
    cleanups.push(() => api.close());
    const key = await createKey(
      dashboard,
      await signInCookie(dashboard.url, 'admin', 'admin-demo'),
    );
    const portal = portalCaller(dashboard.url, key, targets);
    cleanups.push(() => portal.close());
    const portalPort = portalCaller(`http://127.0.0.1:${apiPort}`, key, targets);
    cleanups.push(() => portalPort.close());
    const direct = directCaller(standin.url, targets);
    const floor = floorCaller(dashboard);
    cleanups.push(() => floor.close());

    // Warm-up (JITs, route chunks, keep-alive sockets, the DB): not measured, not counted.
    const warmApi = await runFixed(WARMUP, IN_FLIGHT, api.call);
    const warmDirect = await runFixed(WARMUP, IN_FLIGHT, direct);
    const warmPortal = await runFixed(WARMUP, IN_FLIGHT, portal.call);
    const warmPort = await runFixed(WARMUP, IN_FLIGHT, portalPort.call);
    await runFixed(WARMUP, IN_FLIGHT, floor.call);
    log(
      `warm-up: ${WARMUP} API (${warmApi.failures} failed), ${WARMUP} direct (${warmDirect.failures} failed)`,
    );
    if (warmApi.failures > 0) log(`first failures: ${api.samples.join(' | ')}`);

    const directRounds: RoundResult[] = [];
    const apiRounds: RoundResult[] = [];
    const portalRounds: RoundResult[] = [];
    const portRounds: RoundResult[] = [];
    const floorRounds: RoundResult[] = [];
    let apiTwirp = 0;
    let apiOther = 0;
    let directTwirp = 0;
    const apiByPath: Counts = {};
    for (let round = 1; round <= ROUNDS; round++) {
      let before = await standin.counts();
      const d = await runFixed(CALLS, IN_FLIGHT, direct);
      let delta = diffCounts(before, await standin.counts());
      directTwirp += delta.twirp;
      directRounds.push(d);
      log(
        `round ${round} direct: ${d.rps.toFixed(0)} calls/s, p50 ${d.p50.toFixed(2)} ms, p99 ${d.p99.toFixed(2)} ms, ${delta.twirp} LiveKit calls, ${d.failures} failed`,
      );

      before = await standin.counts();
      const a = await runFixed(CALLS, IN_FLIGHT, api.call);
      delta = diffCounts(before, await standin.counts());
      apiTwirp += delta.twirp;
      apiOther += delta.other;
      for (const [key, n] of Object.entries(delta.byPath))
        apiByPath[key] = (apiByPath[key] ?? 0) + n;
      apiRounds.push(a);
      log(
        `round ${round} API:    ${a.rps.toFixed(0)} calls/s, p50 ${a.p50.toFixed(2)} ms, p99 ${a.p99.toFixed(2)} ms, ${delta.twirp} LiveKit calls, ${a.failures} non-200`,
      );

      const k = await runFixed(CALLS, IN_FLIGHT, portal.call);
      portalRounds.push(k);
      log(
        `round ${round} portal: ${k.rps.toFixed(0)} calls/s, p50 ${k.p50.toFixed(2)} ms, p99 ${k.p99.toFixed(2)} ms, ${k.failures} non-200`,
      );

      const q = await runFixed(CALLS, IN_FLIGHT, portalPort.call);
      portRounds.push(q);
      log(
        `round ${round} portal on the API port: ${q.rps.toFixed(0)} calls/s, p50 ${q.p50.toFixed(2)} ms, p99 ${q.p99.toFixed(2)} ms, ${q.failures} non-200`,
      );

      const f = await runFixed(CALLS, IN_FLIGHT, floor.call);
      floorRounds.push(f);
      log(
        `round ${round} floor:  ${f.rps.toFixed(0)} calls/s, p50 ${f.p50.toFixed(2)} ms (GET /api/health, an empty route handler)`,
      );
    }

    const measured = ROUNDS * CALLS;
    log(
      `LiveKit requests during the API rounds: ${Object.entries(apiByPath)
        .map(([key, n]) => `${key.replace('POST /twirp/livekit.', '')}=${n}`)
        .join(', ')}${apiOther > 0 ? ` (non-Twirp: ${apiOther})` : ''}`,
    );
    log(`LiveKit calls per direct call (sanity, expect 1): ${(directTwirp / measured).toFixed(3)}`);
    log(
      `API statuses (warm-up included): ${[...api.statuses].map(([s, n]) => `${s}×${n}`).join(', ')}`,
    );
    if (api.samples.length > 0) log(`first non-200 answers: ${api.samples.join(' | ')}`);

    // Every track really is muted in the stand-in's state.
    const after = await control.room(ROOM);
    const muted = after?.participants.filter((p) => p.tracks?.every((t) => t.muted)).length ?? 0;
    if (muted !== PARTICIPANTS)
      throw new Error(`only ${muted} of ${PARTICIPANTS} tracks are muted`);

    const directFailures = [warmDirect, ...directRounds].reduce((n, r) => n + r.failures, 0);
    const non200 = [warmApi, ...apiRounds].reduce((n, r) => n + r.failures, 0);
    const directRps = median(directRounds.map((r) => r.rps));
    const apiRps = median(apiRounds.map((r) => r.rps));
    const directP50 = median(directRounds.map((r) => r.p50));
    const apiP50 = median(apiRounds.map((r) => r.p50));
    const apiP99 = median(apiRounds.map((r) => r.p99));
    const ratio = apiRps / directRps;
    const added = apiP50 - directP50;
    const portalNon200 = [warmPortal, ...portalRounds].reduce((n, r) => n + r.failures, 0);
    const portalRps = median(portalRounds.map((r) => r.rps));
    const portalP50 = median(portalRounds.map((r) => r.p50));
    const portalP99 = median(portalRounds.map((r) => r.p99));
    const portalRatio = portalRps / directRps;
    const portalAdded = portalP50 - directP50;
    const portNon200 = [warmPort, ...portRounds].reduce((n, r) => n + r.failures, 0);
    const portRps = median(portRounds.map((r) => r.rps));
    const portP50 = median(portRounds.map((r) => r.p50));
    const portP99 = median(portRounds.map((r) => r.p99));
    const portRatio = portRps / directRps;
    const portAdded = portP50 - directP50;
    const perMute = apiTwirp / measured;
    const floorRps = median(floorRounds.map((r) => r.rps));
    const floorP50 = median(floorRounds.map((r) => r.p50));
    const met =
      ratio >= RATIO_TARGET && added <= ADDED_P50_TARGET_MS && non200 === 0 && directFailures === 0;
    const portalMet =
      portRatio >= RATIO_TARGET &&
      portAdded <= ADDED_P50_TARGET_MS &&
      portNon200 === 0 &&
      portalNon200 === 0;
    log(
      `figures are medians over ${ROUNDS} alternating rounds; load1=${(loadavg()[0] ?? 0).toFixed(2)}`,
    );
    if (directFailures > 0) log(`${directFailures} direct calls did not return a muted track`);

    console.log(
      [
        'bench:api',
        `calls=${CALLS}`,
        `concurrency=${IN_FLIGHT}`,
        `direct_rps=${directRps.toFixed(0)}`,
        `api_rps=${apiRps.toFixed(0)}`,
        `ratio=${ratio.toFixed(2)}`,
        `direct_p50_ms=${directP50.toFixed(2)}`,
        `api_p50_ms=${apiP50.toFixed(2)}`,
        `added_p50_ms=${added.toFixed(2)}`,
        `api_p99_ms=${apiP99.toFixed(2)}`,
        `livekit_calls_per_mute=${perMute.toFixed(3)}`,
        `next_floor_rps=${floorRps.toFixed(0)}`,
        `next_floor_p50_ms=${floorP50.toFixed(2)}`,
        `non200=${non200}`,
        `targets_met=${met}`,
      ].join(' '),
    );
    console.log(
      [
        'bench:api portal',
        `calls=${CALLS}`,
        `concurrency=${IN_FLIGHT}`,
        `direct_rps=${directRps.toFixed(0)}`,
        `portal_rps=${portalRps.toFixed(0)}`,
        `ratio=${portalRatio.toFixed(2)}`,
        `direct_p50_ms=${directP50.toFixed(2)}`,
        `portal_p50_ms=${portalP50.toFixed(2)}`,
        `added_p50_ms=${portalAdded.toFixed(2)}`,
        `portal_p99_ms=${portalP99.toFixed(2)}`,
        `port_rps=${portRps.toFixed(0)}`,
        `port_ratio=${portRatio.toFixed(2)}`,
        `port_p50_ms=${portP50.toFixed(2)}`,
        `port_added_p50_ms=${portAdded.toFixed(2)}`,
        `port_p99_ms=${portP99.toFixed(2)}`,
        `non200=${portalNon200 + portNon200}`,
        `targets_met=${portalMet}`,
      ].join(' '),
    );
    for (const [door, caller] of [
      ['portal', portal],
      ['API port', portalPort],
    ] as const) {
      if ([...caller.statuses.keys()].some((status) => status !== 200)) {
        log(`${door} statuses: ${[...caller.statuses].map(([st, n]) => `${st}×${n}`).join(', ')}`);
      }
    }
    if (non200 > 0 || directFailures > 0 || portalNon200 > 0 || portNon200 > 0) {
      process.exitCode = 1;
    }
  } finally {
    await cleanup();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
