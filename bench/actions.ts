/**
 * Moderator action benchmark (`npm run bench:actions`): a stand-in with one room of 100
 * participants (one microphone each), `next start` in demo mode pointed at it, and Chromium signed
 * in as the moderator. For each participant it opens the row's actions menu, clicks "Mute
 * microphone of …" and polls the stand-in until that participant was muted; the time from the
 * click to the stand-in having muted the track is one sample. Targets: p50 ≤ 150 ms, p95 ≤ 300 ms.
 * Needs a production build (runs `next build` when `.next/BUILD_ID` is missing).
 */
import { startStandin } from '@moderato/livekit-standin';
import { StandinControl } from '@moderato/livekit-standin/client';
import { RoomServiceClient } from 'livekit-server-sdk';

import { KEY, launchChromium, SECRET, signIn, startDashboard } from './support/dashboard';

const ROOM = 'bench-mutes';
const PARTICIPANTS = 100;
const P50_TARGET_MS = 150;
const P95_TARGET_MS = 300;

const identityOf = (i: number) => `user-${String(i).padStart(3, '0')}`;

async function seed(url: string, control: StandinControl): Promise<void> {
  await new RoomServiceClient(url, KEY, SECRET).createRoom({ name: ROOM, emptyTimeout: 3600 });
  await control.bulkJoin(
    Array.from({ length: PARTICIPANTS }, (_, i) => ({
      room: ROOM,
      identity: identityOf(i),
      tracks: [{ type: 'AUDIO', source: 'MICROPHONE' }],
    })),
  );
}

/** Resolves once the stand-in has sent `identity` a mute for its track (i.e. muted it). */
async function waitUntilMuted(control: StandinControl, identity: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const mutes = await control.receivedOf(ROOM, identity, 'mute');
    if (mutes.some((e) => e.muted)) return;
    await new Promise((r) => setTimeout(r, 2));
  }
  throw new Error(`${identity} was not muted within 10 s`);
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function main(): Promise<void> {
  const standin = await startStandin({ port: 0 });
  // Signs one control token up front and reuses it, so signing is not part of the samples.
  const control = new StandinControl({ url: standin.url, apiKey: KEY, apiSecret: SECRET });
  await control.token();
  await seed(standin.url, control);
  const dashboard = await startDashboard('bench:actions', standin.url);
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({
      baseURL: dashboard.url,
      viewport: { width: 1440, height: 900 },
    });
    await signIn(context, 'moderator', 'moderator-demo');
    const page = await context.newPage();
    await page.goto(`/rooms/${ROOM}`);
    const table = page.getByRole('table', { name: 'Participants' });
    await table.getByRole('row').nth(1).waitFor();
    const filter = page.getByRole('searchbox', { name: /Filter participants/ });

    const samples: number[] = [];
    for (let i = 0; i < PARTICIPANTS; i++) {
      const identity = identityOf(i);
      // Bring the row into the (virtualized) table, then open its menu: not timed.
      await filter.fill(identity);
      await page.getByRole('button', { name: `Actions for ${identity}`, exact: true }).click();
      const item = page.getByRole('menuitem', { name: `Mute microphone of ${identity}` });
      await item.waitFor();
      const started = performance.now();
      await item.click();
      await waitUntilMuted(control, identity);
      samples.push(performance.now() - started);
    }

    // Every track really is muted in the stand-in's state.
    const room = await control.room(ROOM);
    const muted = room?.participants.filter((p) => p.tracks.every((t) => t.muted)).length ?? 0;
    if (muted !== PARTICIPANTS)
      throw new Error(`only ${muted} of ${PARTICIPANTS} tracks are muted`);

    const sorted = [...samples].sort((a, b) => a - b);
    const p50 = percentile(sorted, 50);
    const p95 = percentile(sorted, 95);
    console.error(
      `bench:actions: min ${sorted[0]!.toFixed(0)} ms, max ${sorted.at(-1)!.toFixed(0)} ms, mean ${(samples.reduce((a, b) => a + b, 0) / samples.length).toFixed(0)} ms`,
    );
    console.log(
      [
        'bench:actions',
        `mutes=${samples.length}`,
        `p50_ms=${p50.toFixed(0)}`,
        `p95_ms=${p95.toFixed(0)}`,
        `targets_met=${p50 <= P50_TARGET_MS && p95 <= P95_TARGET_MS}`,
      ].join(' '),
    );
  } finally {
    await browser.close();
    dashboard.stop();
    await standin.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
