/**
 * UI benchmark (`npm run bench:ui`): a stand-in with 5,000 rooms and one room of 10,000
 * participants, `next start` in demo mode pointed at it, and Chromium measuring how fast the
 * tables show rows, how many rows are in the DOM, the JS heap, and the rooms page's first-load JS.
 * Needs a production build (runs `next build` when `.next/BUILD_ID` is missing).
 */
import { gzipSync } from 'node:zlib';

import type { Page } from '@playwright/test';
import { startStandin } from '@moderato/livekit-standin';
import { StandinControl, type JoinRequest } from '@moderato/livekit-standin/client';
import { RoomServiceClient } from 'livekit-server-sdk';

import { KEY, launchChromium, SECRET, signIn, startDashboard } from './support/dashboard';

const ROOMS = 5_000;
const BIG_ROOM = 'bench-10k';
const BIG_ROOM_PARTICIPANTS = 10_000;
const RUNS = 3;

async function inBatches<T>(items: T[], concurrency: number, run: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await run(items[next++]!);
    }),
  );
}

async function seed(url: string): Promise<void> {
  const client = new RoomServiceClient(url, KEY, SECRET);
  const names = Array.from({ length: ROOMS }, (_, i) => `bench-room-${String(i).padStart(4, '0')}`);
  await inBatches(names, 32, async (name) => {
    await client.createRoom({
      name,
      emptyTimeout: 3600,
      metadata: JSON.stringify({ auth_id: `tenant-${name.length % 7}`, topic: name }),
    });
  });
  await client.createRoom({ name: BIG_ROOM, emptyTimeout: 3600, maxParticipants: 20_000 });

  const participants: JoinRequest[] = Array.from({ length: BIG_ROOM_PARTICIPANTS }, (_, i) => ({
    room: BIG_ROOM,
    identity: `user-${i}`,
    name: `User ${i}`,
    kind: i % 50 === 0 ? 'AGENT' : 'STANDARD',
    attributes: { seat: String(i) },
    tracks:
      i % 4 === 0
        ? [
            { type: 'AUDIO', source: 'MICROPHONE', muted: i % 8 === 0 },
            { type: 'VIDEO', source: 'CAMERA', simulcast: true },
          ]
        : [],
  }));
  const batches: (typeof participants)[] = [];
  for (let i = 0; i < participants.length; i += 2_000)
    batches.push(participants.slice(i, i + 2_000));
  const control = new StandinControl({ url, apiKey: KEY, apiSecret: SECRET });
  for (const batch of batches) await control.bulkJoin(batch);
}

/** Milliseconds from starting the navigation until the first body row of `table` is visible. */
async function timeToRows(page: Page, url: string, table: string): Promise<number> {
  const started = Date.now();
  await page.goto(url, { waitUntil: 'commit' });
  await page.getByRole('table', { name: table }).getByRole('row').nth(1).waitFor();

  return Date.now() - started;
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const countRows = (page: Page) =>
  page.evaluate(() => document.querySelectorAll('[role="row"]').length);

async function main(): Promise<void> {
  const seedStarted = Date.now();
  const standin = await startStandin({ port: 0 });
  await seed(standin.url);
  console.error(
    `bench:ui: seeded ${ROOMS + 1} rooms and ${BIG_ROOM_PARTICIPANTS} participants in ${Date.now() - seedStarted} ms`,
  );
  const dashboard = await startDashboard('bench:ui', standin.url);
  const browser = await launchChromium(['--enable-precise-memory-info']);
  try {
    const context = await browser.newContext({
      baseURL: dashboard.url,
      viewport: { width: 1440, height: 900 },
    });
    await signIn(context, 'admin', 'admin-demo');
    const page = await context.newPage();

    // Where the time goes: the REST reads and the server-rendered documents.
    for (const probe of [
      '/api/v1/rooms',
      `/api/v1/rooms/${BIG_ROOM}/participants`,
      '/rooms',
      `/rooms/${BIG_ROOM}`,
    ]) {
      const started = Date.now();
      const res = await context.request.get(probe);
      const bytes = (await res.body()).length;
      console.error(
        `bench:ui: GET ${probe} ${res.status()} ${Date.now() - started} ms ${(bytes / 1024).toFixed(0)} kB`,
      );
    }

    // First-load JS of /rooms: every script the page loads on a cold cache, gzipped.
    const scripts = new Map<string, number>();
    page.on('response', async (res) => {
      if (res.request().resourceType() !== 'script') return;
      const body = await res.body().catch(() => null);
      if (body) scripts.set(res.url(), gzipSync(body, { level: 9 }).length);
    });
    await timeToRows(page, '/rooms', 'Active rooms');
    await page.waitForLoadState('networkidle');
    page.removeAllListeners('response');
    const firstLoadKb = [...scripts.values()].reduce((a, b) => a + b, 0) / 1024;

    const roomsTimes: number[] = [];
    for (let i = 0; i < RUNS; i++)
      roomsTimes.push(await timeToRows(page, '/rooms', 'Active rooms'));
    const roomsRows = await countRows(page);

    const bigUrl = `/rooms/${encodeURIComponent(BIG_ROOM)}`;
    const roomTimes: number[] = [];
    for (let i = 0; i < RUNS; i++) roomTimes.push(await timeToRows(page, bigUrl, 'Participants'));
    const timing = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1;
      return [
        nav.responseStart,
        nav.responseEnd,
        nav.domInteractive,
        nav.domContentLoadedEventEnd,
        nav.loadEventEnd,
        fcp,
      ].map(Math.round);
    });
    console.error(
      `bench:ui: 10k room timing responseStart/End, domInteractive, DCL, load, FCP = ${timing.join(' / ')} ms`,
    );
    await page.getByRole('table', { name: 'Participants' }).evaluate((el) => {
      el.scrollTop = el.scrollHeight / 2;
    });
    await page.waitForTimeout(300);
    const roomRows = await countRows(page);

    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };

    console.error(
      `bench:ui: rooms runs ${roomsTimes.join(', ')} ms; 10k room runs ${roomTimes.join(', ')} ms; ${scripts.size} scripts`,
    );
    console.log(
      [
        'bench:ui',
        `rooms_nav_ms=${median(roomsTimes)}`,
        `room10k_nav_ms=${median(roomTimes)}`,
        `rooms_dom_rows=${roomsRows}`,
        `room10k_dom_rows=${roomRows}`,
        `heap_mb=${(usedSize / 1024 / 1024).toFixed(1)}`,
        `rooms_first_load_js_kb_gzip=${firstLoadKb.toFixed(1)}`,
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
