/**
 * Join → row: how long after a participant joins (the stand-in's control call) its row is in a
 * signed-in browser's participants table. A MutationObserver in the page stamps each row when it is
 * added (performance.timeOrigin + now, wall-clock ms like ours), so Playwright's polling adds
 * nothing; the two clocks are aligned by the smallest-round-trip probe of the page's clock.
 */
import type { Browser, Page } from '@playwright/test';
import { StandinControl } from '@moderato/livekit-standin/client';
import { RoomServiceClient } from 'livekit-server-sdk';

import { KEY, SECRET, signIn } from '../support/dashboard';
import { epochNow, log } from './stats';

export interface JoinRun {
  browser: Browser;
  dashboardUrl: string;
  standinUrl: string;
  roomName: string;
  /** Measured joins. */
  joins: number;
  /** Joins start this far apart, whatever the previous one's fate (an open-loop pace). */
  gapMs: number;
  /**
   * Cut the live stream off in this browser (`/api/live` requests fail), so the page falls back to
   * polling our GET routes every MODERATO_REFRESH_MS (lib/queries/live-refresh.tsx).
   */
  blockStream: boolean;
  /** How long after the last join a row may still arrive before it counts as missing. */
  graceMs: number;
}

export interface JoinResult {
  /** Join → row, ms, one per row that appeared. */
  latencies: number[];
  /** Join → the event on a stream of the page's own (none when the stream is cut off). */
  toEvent: number[];
  missing: number;
  failedCalls: number;
}

/** Who sorts last, so the measured rows (identities falling from j0200) always enter at the top. */
const HOST = 'zz-host';
const WARMUP = 5;
const ROW_TABLE = 'Participants';

declare global {
  interface Window {
    __benchRowSeen?: Record<string, number>;
    __benchEventSeen?: Record<string, number>;
  }
}

/**
 * Page side: stamp every participants row the first time it enters the DOM. Source text, not a
 * function: tsx's transform would wrap a function's inner closures in a helper the page lacks.
 */
const OBSERVE_ROWS = `(() => {
  const tableLabel = ${JSON.stringify(ROW_TABLE)};
  const seen = {};
  window.__benchRowSeen = seen;
  const record = (row, at) => {
    if (row.closest('[role="table"]')?.getAttribute('aria-label') !== tableLabel) return;
    // The first cell with text: the selection checkbox's cell comes first and has none.
    const identity = [...row.querySelectorAll('[role="cell"]')]
      .map((cell) => cell.textContent?.trim())
      .find(Boolean);
    if (identity && !(identity in seen)) seen[identity] = at;
  };
  new MutationObserver((records) => {
    const at = performance.timeOrigin + performance.now();
    for (const mutation of records) {
      for (const node of mutation.addedNodes) {
        if (!(node instanceof Element)) continue;
        if (node.matches('[role="row"]')) record(node, at);
        for (const row of node.querySelectorAll('[role="row"]')) record(row, at);
      }
    }
  }).observe(document.body, { childList: true, subtree: true });
  // A stream of its own, to split each latency into server → browser and browser → row.
  const arrived = {};
  window.__benchEventSeen = arrived;
  const source = new EventSource('/api/live');
  source.onmessage = (message) => {
    const at = performance.timeOrigin + performance.now();
    const event = JSON.parse(message.data);
    const identity = event.type === 'participant.joined' ? event.participant.identity : null;
    if (identity && !(identity in arrived)) arrived[identity] = at;
  };
})()`;

/** Page clock minus ours (ms), from the probe with the smallest round trip. */
async function clockOffset(page: Page): Promise<{ offset: number; rtt: number }> {
  let best = { offset: 0, rtt: Number.POSITIVE_INFINITY };
  for (let i = 0; i < 15; i++) {
    const before = epochNow();
    const theirs = await page.evaluate(() => performance.timeOrigin + performance.now());
    const after = epochNow();
    if (after - before < best.rtt)
      best = { offset: theirs - (before + after) / 2, rtt: after - before };
  }
  return best;
}

const seenCount = (page: Page, identities: string[]) =>
  page.evaluate(
    (ids) => ids.filter((id) => window.__benchRowSeen?.[id] !== undefined).length,
    identities,
  );

async function waitForRows(page: Page, identities: string[], deadline: number): Promise<void> {
  while (Date.now() < deadline && (await seenCount(page, identities)) < identities.length) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function measureJoins(run: JoinRun): Promise<JoinResult> {
  const control = new StandinControl({ url: run.standinUrl, apiKey: KEY, apiSecret: SECRET });
  await new RoomServiceClient(run.standinUrl, KEY, SECRET).createRoom({
    name: run.roomName,
    emptyTimeout: 3600,
    departureTimeout: 3600,
  });
  await control.join({ room: run.roomName, identity: HOST });

  const context = await run.browser.newContext({
    baseURL: run.dashboardUrl,
    // Tall enough that a whole batch of rows arriving at once (a 5 s poll brings 50) is in view:
    // the table is virtualized, and a row rendered below the fold never enters the DOM.
    viewport: { width: 1440, height: 4000 },
  });
  try {
    await signIn(context, 'admin', 'admin-demo');
    if (run.blockStream)
      await context.route(
        (url) => url.pathname === '/api/live',
        (r) => r.abort(),
      );
    const page = await context.newPage();
    await page.goto(`/rooms/${encodeURIComponent(run.roomName)}`);
    const table = page.getByRole('table', { name: ROW_TABLE });
    await table.getByRole('cell', { name: HOST, exact: true }).waitFor();
    const indicator = page
      .getByRole('status')
      .filter({ hasText: /^(Live|Connecting…|Reconnecting…)$/ });
    if (!run.blockStream) {
      await indicator.filter({ hasText: /^Live$/ }).waitFor();
    }
    // Identity ascending: every measured join sorts above every row already there.
    await table.getByRole('columnheader', { name: 'Identity' }).getByRole('button').click();
    await page
      .locator('[role="columnheader"][aria-sort="ascending"]', { hasText: 'Identity' })
      .waitFor();
    await page.evaluate(OBSERVE_ROWS);

    // Warm-up joins (not measured): the stream is open with this room watched, the server's
    // code paths are compiled, and the row pipeline has run end to end once.
    const warm = Array.from({ length: WARMUP }, (_, i) => `warm-${i}`);
    for (const identity of warm) await control.join({ room: run.roomName, identity });
    await waitForRows(page, warm, Date.now() + 30_000);
    if ((await seenCount(page, warm)) < warm.length) throw new Error('warm-up rows never appeared');

    const { offset, rtt } = await clockOffset(page);
    log(
      `${run.roomName}: page clock offset ${offset.toFixed(2)} ms (probe rtt ${rtt.toFixed(2)} ms)`,
    );
    if (run.blockStream && (await indicator.textContent()) === 'Live') {
      throw new Error('the stream is still live: the polling baseline would not poll');
    }

    const identities = Array.from(
      { length: run.joins },
      (_, i) => `j${String(run.joins - i).padStart(4, '0')}`,
    );
    const sentAt = new Map<string, number>();
    let failedCalls = 0;
    const origin = performance.now() + 20;
    await Promise.all(
      identities.map(async (identity, i) => {
        const wait = origin + i * run.gapMs - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        sentAt.set(identity, epochNow());
        try {
          await control.join({ room: run.roomName, identity });
        } catch (err) {
          failedCalls += 1;
          sentAt.delete(identity);
          log(`${run.roomName}: join ${identity} failed: ${(err as Error).message}`);
        }
      }),
    );
    const expected = [...sentAt.keys()];
    await waitForRows(page, expected, Date.now() + run.graceMs);

    const { rows, events } = await page.evaluate(() => ({
      rows: { ...window.__benchRowSeen },
      events: { ...window.__benchEventSeen },
    }));
    const latencies: number[] = [];
    const toEvent: number[] = [];
    for (const [identity, at] of sentAt) {
      const rowAt = rows[identity];
      if (rowAt !== undefined) latencies.push(rowAt - offset - at);
      const eventAt = events[identity];
      if (eventAt !== undefined) toEvent.push(eventAt - offset - at);
    }
    return { latencies, toEvent, missing: expected.length - latencies.length, failedCalls };
  } finally {
    await context.close();
  }
}
