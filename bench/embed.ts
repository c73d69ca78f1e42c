/**
 * Embedding benchmark (`npm run bench:embed`, issue 11): how long a portal's page waits from
 * asking /embed.js for the iframe to the embedded room showing its participants. A stand-in with
 * one room of PARTICIPANTS, `next start` in demo mode, a portal created through the admin's REST
 * API, and the portal's page served from another site (`localhost` while Moderato is `127.0.0.1`,
 * e2e/embed/portal-host.ts) whose backend mints a fresh embed token per load. Each run is a new
 * signed-out browser context: iframe, embed.js handshake, token exchange, room and participant
 * reads. The clock starts when the host page calls `Moderato.embed` and stops when the iframe first
 * renders the last participant's cell (./support/cell-rendered-clock.ts); Playwright then confirms
 * that cell by role. Each visitor loads the portal's page twice, as WebPageTest does: a first view
 * (the browser has nothing cached: every script is downloaded and compiled) and a repeat view (the
 * page reloaded: a new iframe, token, exchange and reads, with the browser's HTTP and code caches
 * warm, as for a moderator who used the portal before). The first visitor is reported apart (the
 * server's caches are cold); the medians are over the others.
 * Target: iframe created → participants visible ≤ 1 s. Needs a production build (runs
 * `next build` when `.next/BUILD_ID` is missing).
 */
import { startStandin } from '@moderato/livekit-standin';
import { StandinControl } from '@moderato/livekit-standin/client';
import type { Page } from '@playwright/test';
import { RoomServiceClient } from 'livekit-server-sdk';

import { PortalHost, type PortalKey } from '../e2e/embed/portal-host';

import { reportCellRendered } from './support/cell-rendered-clock';
import { KEY, launchChromium, SECRET, startDashboard } from './support/dashboard';
import { signInCookie } from './support/session-cookie';
import { ascending, percentile } from './live/stats';

const ROOM = 'bench-embed';
const PARTICIPANTS = 50;
const RUNS = 11;
const TARGET_MS = 1000;

const VIEWS = ['first', 'repeat'] as const;
type View = (typeof VIEWS)[number];

const log = (line: string) => console.error(`bench:embed: ${line}`);

/** From the host page's `Moderato.embed` call to `renderedAt`, once Playwright sees the cell too. */
async function timeEmbed(page: Page, renderedAt: number, last: string): Promise<number> {
  await page
    .frameLocator('iframe[title="Moderato"]')
    .getByRole('cell', { name: last, exact: true })
    .waitFor({ state: 'visible', timeout: 5_000 });
  const embedAt = await page.evaluate(
    () =>
      performance.timeOrigin + (window as unknown as { moderatoEmbedAt: number }).moderatoEmbedAt,
  );
  return renderedAt - embedAt;
}

/** BENCH_EMBED_RESOURCES=1: what the iframe fetched, when, relative to its own time origin. */
async function logResources(page: Page): Promise<void> {
  const frame = page.frames().find((f) => f.url().includes('/embed/'))!;
  const entries = await frame.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map(
        (e) =>
          `${Math.round(e.startTime)}+${Math.round(e.duration)} ${e.name.replace(location.origin, '')}`,
      ),
  );
  const frameOrigin = await frame.evaluate(() => performance.timeOrigin);
  const hostStart = await page.evaluate(
    () =>
      performance.timeOrigin + (window as unknown as { moderatoEmbedAt: number }).moderatoEmbedAt,
  );
  log(`iframe time origin ${Math.round(frameOrigin - hostStart)} ms after embed()`);
  log(entries.join('\n  '));
}

async function createPortal(url: string, origin: string): Promise<PortalKey> {
  const cookie = await signInCookie(url, 'admin', 'admin-demo');
  const res = await fetch(`${url}/api/v1/embed-portals`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, origin: url },
    body: JSON.stringify({
      name: 'bench portal',
      allowedOrigins: [origin],
      tenant: 'acme',
      maxRole: 'moderator',
    }),
  });
  if (res.status !== 201) throw new Error(`creating the portal answered ${res.status}`);
  const { portal, secret } = (await res.json()) as { portal: { id: string }; secret: string };
  return { portalId: portal.id, secret };
}

async function main(): Promise<void> {
  const standin = await startStandin({ port: 0 });
  const client = new RoomServiceClient(standin.url, KEY, SECRET);
  await client.createRoom({ name: ROOM, emptyTimeout: 3600, metadata: '{"auth_id":"acme"}' });
  const control = new StandinControl({ url: standin.url });
  for (let i = 0; i < PARTICIPANTS; i++) {
    await control.join({
      room: ROOM,
      identity: `user-${String(i).padStart(2, '0')}`,
      tracks: [{ type: 'AUDIO', source: 'MICROPHONE' }],
    });
  }
  const last = `user-${String(PARTICIPANTS - 1).padStart(2, '0')}`;
  const dashboard = await startDashboard('bench:embed', standin.url);
  const host = new PortalHost({
    moderatoUrl: dashboard.url,
    claims: { sub: 'bench', role: 'moderator', auth_id: 'acme', rooms: '*' },
  });
  await host.start();
  const browser = await launchChromium();
  try {
    const key = await createPortal(dashboard.url, host.origin);
    host.usePortal(key, `/embed/${key.portalId}/rooms/${ROOM}`);
    const views: Record<View, number[]> = { first: [], repeat: [] };
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
      try {
        const nextRender = await reportCellRendered(context, { pathPrefix: '/embed/', text: last });
        const page = await context.newPage();
        for (const view of VIEWS) {
          const rendered = nextRender();
          if (view === 'first') await page.goto(host.origin);
          else await page.reload();
          const ms = await timeEmbed(page, await rendered(30_000), last);
          views[view].push(ms);
          // Where the time went: the iframe's `ready` is its boot script asking for the token
          // (lib/embed/embed-boot-script.ts), before its JavaScript has loaded.
          const readyAt = await page
            .getByRole('list', { name: 'Moderato events' })
            .getByText(/^ready/)
            .getAttribute('data-at-ms');
          log(
            `run ${run + 1} ${view} view: ${ms.toFixed(0)} ms (iframe ready after ${readyAt} ms)`,
          );
          if (process.env.BENCH_EMBED_RESOURCES) await logResources(page);
        }
      } finally {
        await context.close();
      }
    }
    const figures = VIEWS.map((view) => {
      const [cold, ...warm] = views[view];
      const median = percentile(ascending(warm), 50);
      const verdict = median <= TARGET_MS ? 'met' : 'MISSED';
      return `${view} view median ${median.toFixed(0)} ms, max ${Math.max(...warm).toFixed(0)} ms (cold server ${cold!.toFixed(0)} ms) ${verdict}`;
    });
    console.log(
      `bench:embed: iframe created → ${PARTICIPANTS} participants visible over ${RUNS - 1} warm-server visitors, target ≤ ${TARGET_MS} ms: ${figures.join('; ')}`,
    );
  } finally {
    await browser.close();
    await host.stop();
    dashboard.stop();
    await standin.close();
  }
}

void main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
