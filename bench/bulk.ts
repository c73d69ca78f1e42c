/**
 * Bulk action benchmark (`npm run bench:bulk`, issue 12): one room of PARTICIPANTS, each with a
 * microphone; Chromium signed in as the moderator opens the room, picks "Act on everyone" →
 * "Mute microphones" and confirms. Measured from the confirm click to the report in the dialog —
 * the server answers only once every MutePublishedTrack has been answered, so this bounds "the
 * last mute applied in the stand-in" from above — then every microphone is checked muted in the
 * stand-in's state. The baseline, in the same run: the same number of MutePublishedTrack calls
 * made one after another with livekit-server-sdk on a second, identical room; and the same bulk
 * mute through the REST API on a third, with no browser watching (the server's share).
 * Targets: ≤ 2 s wall time, ≥ 10× faster than one after another. The CPU each process used during
 * the browser's run is printed too, and `ratio_ceiling`: one after another over the stand-in's own
 * CPU for the run, the ratio a bulk run could reach if the dashboard and the browser cost nothing;
 * and `ratio_bound`: one after another over the CPU one side spent on those calls (the SDK in this
 * script, or the stand-in), which no bulk run can beat however it is written. Then issue 12's ban
 * figure (bench/bans/ban-bench.ts: a banned identity rejoining 50 times, join → removal p95 at most
 * 200 ms).
 *
 * The stand-in runs in its own child process (bench/support/standin-child.ts), the dashboard is
 * `next start` on a fresh SQLite store. Ends with ONE summary line.
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';

import { StandinControl } from '@moderato/livekit-standin/client';
import { RoomServiceClient } from 'livekit-server-sdk';

import { runBanBench } from './bans/ban-bench';
import { nextServerPid } from './live/process-memory';
import { KEY, launchChromium, SECRET, signIn, startDashboard } from './support/dashboard';
import { chromiumPids, cpuMs } from './support/processes';
import { signInCookie } from './support/session-cookie';
import { spawnStandin } from './support/standin-child';

const PARTICIPANTS = 1000;
const ROOM = 'bench-bulk';
const BASELINE_ROOM = 'bench-bulk-sequential';
const API_ROOM = 'bench-bulk-api';
const WALL_TARGET_MS = 2000;
const RATIO_TARGET = 10;

const log = (line: string) => console.error(`bench:bulk: ${line}`);

async function seed(url: string, control: StandinControl, room: string): Promise<void> {
  await new RoomServiceClient(url, KEY, SECRET).createRoom({ name: room, emptyTimeout: 3600 });
  await control.bulkJoin(
    Array.from({ length: PARTICIPANTS }, (_, i) => ({
      room,
      identity: `speaker-${String(i).padStart(4, '0')}`,
      tracks: [{ type: 'AUDIO' as const, source: 'MICROPHONE' as const }],
    })),
  );
}

async function mutedCount(control: StandinControl, room: string): Promise<number> {
  const state = await control.room(room);
  return state?.participants.filter((p) => p.tracks?.every((t) => t.muted)).length ?? 0;
}

async function main(): Promise<void> {
  const standin = await spawnStandin();
  const control = new StandinControl({ url: standin.url, apiKey: KEY, apiSecret: SECRET });
  const cleanups: (() => unknown)[] = [() => standin.stop()];
  try {
    await seed(standin.url, control, ROOM);
    await seed(standin.url, control, BASELINE_ROOM);
    await seed(standin.url, control, API_ROOM);
    log(`stand-in (child process) with 3 rooms of ${PARTICIPANTS} participants`);

    // Baseline: one MutePublishedTrack after another, as a script without bulk support would.
    const sdk = new RoomServiceClient(standin.url, KEY, SECRET);
    const targets = ((await control.room(BASELINE_ROOM))?.participants ?? []).map((p) => ({
      identity: p.identity!,
      trackSid: p.tracks![0]!.sid!,
    }));
    const b0 = performance.now();
    const sdkCpu0 = process.cpuUsage();
    const standinCpu0 = cpuMs(standin.pid);
    for (const { identity, trackSid } of targets) {
      await sdk.mutePublishedTrack(BASELINE_ROOM, identity, trackSid, true);
    }
    const sequentialMs = performance.now() - b0;
    const sdkCpu = process.cpuUsage(sdkCpu0);
    // What one call costs each side: the SDK's share (signing, HTTP, decoding) is paid again by the
    // dashboard for every target of a bulk run, on its one JavaScript thread.
    const sequentialCpu = {
      sdk: Math.round((sdkCpu.user + sdkCpu.system) / 1000),
      standin: cpuMs(standin.pid) - standinCpu0,
    };
    log(
      `one after another: ${targets.length} mutes in ${sequentialMs.toFixed(0)} ms, CPU: this script (the SDK) ${sequentialCpu.sdk} ms, stand-in ${sequentialCpu.standin} ms`,
    );

    const dashboard = await startDashboard('bench:bulk', standin.url);
    cleanups.push(() => dashboard.stop());
    // The same bulk mute through the REST API with no browser watching: the server's share.
    const cookie = await signInCookie(dashboard.url, 'moderator', 'moderator-demo');
    const serverPid = nextServerPid(dashboard.proc.pid!);
    const apiCpu0 = [cpuMs(serverPid), cpuMs(standin.pid)];
    const a0 = performance.now();
    const answer = await fetch(`${dashboard.url}/api/v1/rooms/${API_ROOM}/bulk/mute-tracks`, {
      method: 'POST',
      headers: { cookie, origin: dashboard.url, 'content-type': 'application/json' },
      body: JSON.stringify({ group: 'microphones' }),
    });
    const apiReport = (await answer.json()) as { succeeded?: number };
    const apiMs = performance.now() - a0;
    const [apiServerCpu, apiStandinCpu] = [cpuMs(serverPid), cpuMs(standin.pid)].map(
      (ms, i) => ms - apiCpu0[i]!,
    );
    log(
      `bulk through the REST API: ${answer.status}, ${apiReport.succeeded} succeeded in ${apiMs.toFixed(0)} ms; CPU: dashboard ${apiServerCpu} ms, stand-in ${apiStandinCpu} ms`,
    );

    const browser = await launchChromium();
    cleanups.push(() => browser.close());
    const context = await browser.newContext({
      baseURL: dashboard.url,
      viewport: { width: 1440, height: 900 },
    });
    await signIn(context, 'moderator', 'moderator-demo');
    const page = await context.newPage();
    await page.goto(`/rooms/${ROOM}`);
    await page
      .getByRole('heading', { name: 'Participants' })
      .getByText(String(PARTICIPANTS))
      .waitFor();
    await page.getByRole('button', { name: 'Act on everyone' }).click();
    await page.getByRole('menuitem', { name: 'Mute microphones' }).click();
    const confirm = page
      .getByRole('dialog', { name: /Mute microphones — everyone/ })
      .getByRole('button', { name: 'Mute microphones' });
    await confirm.waitFor();

    // Where the time went: CPU used meanwhile by each process (the machine has 2 cores).
    const cpuNow = () => [cpuMs(serverPid), cpuMs(standin.pid), cpuMs(...chromiumPids())];
    const cpuBefore = cpuNow();
    const t0 = performance.now();
    await confirm.click();
    const status = page.getByRole('dialog', { name: 'Mute microphones: done' }).getByRole('status');
    await status.waitFor({ timeout: 120_000 });
    const bulkMs = performance.now() - t0;
    const [serverCpu, standinCpu, browserCpu] = cpuNow().map((ms, i) => ms - cpuBefore[i]!);
    const summary = (await status.textContent()) ?? '';
    log(`bulk from the browser: ${summary} in ${bulkMs.toFixed(0)} ms`);
    log(
      `CPU meanwhile: dashboard ${serverCpu} ms, stand-in ${standinCpu} ms, Chromium ${browserCpu} ms`,
    );

    const muted = await mutedCount(control, ROOM);
    if (muted !== PARTICIPANTS) throw new Error(`only ${muted} of ${PARTICIPANTS} muted`);
    const ratio = sequentialMs / bulkMs;
    // Even if the dashboard and the browser cost nothing, the stand-in's own CPU for these mutes
    // (one Node thread) bounds how much faster than one after another a bulk run can be.
    const ratioCeiling = sequentialMs / standinCpu!;
    // Nor can it beat one after another by more than one call's wall time over one call's CPU on
    // the busier side: a bulk run makes the same SDK call per target, so its dashboard pays at
    // least the SDK's CPU per call on one thread, and the stand-in its own. Waiting (network
    // latency) is what concurrency hides; on loopback there is almost none to hide.
    const ratioBound = sequentialMs / Math.max(sequentialCpu.sdk, sequentialCpu.standin);
    log(`load1=${(loadavg()[0] ?? 0).toFixed(2)}`);
    for (const fn of cleanups.splice(0).reverse()) await fn();

    const bans = await runBanBench(log);
    const met = bulkMs <= WALL_TARGET_MS && ratio >= RATIO_TARGET && bans.met;
    console.log(
      [
        'bench:bulk',
        `participants=${PARTICIPANTS}`,
        `bulk_mute_ms=${bulkMs.toFixed(0)}`,
        `sequential_ms=${sequentialMs.toFixed(0)}`,
        `bulk_api_ms=${apiMs.toFixed(0)}`,
        `bulk_api_cpu_ms=dashboard:${apiServerCpu},standin:${apiStandinCpu}`,
        `ratio=${ratio.toFixed(1)}`,
        `ratio_ceiling=${ratioCeiling.toFixed(1)}`,
        `ratio_bound=${ratioBound.toFixed(1)}`,
        `sequential_cpu_ms=sdk:${sequentialCpu.sdk},standin:${sequentialCpu.standin}`,
        `bulk_cpu_ms=dashboard:${serverCpu},standin:${standinCpu},chromium:${browserCpu}`,
        `muted=${muted}`,
        `ban_rejoin_p50_ms=${bans.p50.toFixed(1)}`,
        `ban_rejoin_p95_ms=${bans.p95.toFixed(1)}`,
        `ban_rejoins_missed=${bans.missed}`,
        `targets_met=${met}`,
      ].join(' '),
    );
  } finally {
    for (const fn of cleanups.reverse()) await fn();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
