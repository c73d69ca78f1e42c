/**
 * Real-client benchmark (`npm run bench:clients`, issue 13): real livekit-client participants in
 * headless Chromium (fake camera and microphone) joined to the stand-in over WebRTC, the stand-in
 * in a process of its own so its CPU is its own.
 *  1. connect: `Room.connect()` of 20 fresh Rooms one after another (goal p95 ≤ 1 s);
 *  2. mute: a moderator clicks "Mute microphone of …" in the dashboard for 20 real participants;
 *     one sample is the click event in the moderator's page → `TrackMuted` in that participant's
 *     SDK, both read off the same machine's clock (goal p95 ≤ 200 ms);
 *  3. video: 3 pages each publish a camera and subscribe to the others (6 forwarded videos);
 *     stand-in CPU over 10 s (goal ≤ 10 % of one core);
 *  4. audio: 50 real participants, 10 per page, each publishing its microphone; stand-in CPU
 *     over 10 s (goal < 50 % of one core).
 * Ends with one summary line. Needs a production build (runs `next build` when missing).
 */
import { AccessToken, type VideoGrant } from 'livekit-server-sdk';

import {
  startParticipantServer,
  type ParticipantServer,
} from '../e2e-clients/support/participant-server';
import { cpuPercent } from './clients/cpu';
import {
  disconnectAll,
  framesDecoded,
  joinRooms,
  mutedAt,
  timeConnect,
} from './clients/page-rooms';
import { startStandinProcess } from './live/standin-process';
import { percentile } from './live/stats';
import { freePort, KEY, launchChromium, SECRET, signIn, startDashboard } from './support/dashboard';

const CONNECTS = 20;
const MUTE_PAGES = 2;
const PER_PAGE = 10;
const VIDEO_PAGES = 3;
const AUDIO_PAGES = 5;
const SAMPLE_MS = 10_000;
const GOALS = { connectP95Ms: 1000, muteP95Ms: 200, videoCpuPct: 10, audioCpuPct: 50 };

// Fake media for the participants; the rest as every headless run here (TOOLCHAIN.md).
const PARTICIPANT_ARGS = [
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
  '--disable-background-networking',
  '--autoplay-policy=no-user-gesture-required',
];

const log = (line: string) => console.error(`bench:clients: ${line}`);

async function token(roomName: string, identity: string, grant: VideoGrant = {}): Promise<string> {
  const at = new AccessToken(KEY, SECRET, { identity, ttl: '1h' });
  at.addGrant({ roomJoin: true, room: roomName, ...grant });
  return at.toJwt();
}

const tokens = (roomName: string, prefix: string, count: number) =>
  Promise.all(
    Array.from({ length: count }, (_, i) =>
      token(roomName, `${prefix}-${String(i).padStart(2, '0')}`),
    ),
  );

async function main(): Promise<void> {
  const dashboardPort = await freePort();
  const standin = await startStandinProcess(
    await freePort(),
    `http://127.0.0.1:${dashboardPort}/api/livekit/webhook`,
  );
  const wsUrl = standin.url.replace(/^http/, 'ws');
  const dashboard = await startDashboard('bench:clients', standin.url, {
    port: dashboardPort,
    env: { MODERATO_REFRESH_MS: '1000' },
  });
  const pages: ParticipantServer = await startParticipantServer();
  const participants = await launchChromium(PARTICIPANT_ARGS);
  const moderatorBrowser = await launchChromium();
  const newPage = async () => {
    const page = await participants.newPage();
    await page.goto(pages.url);
    return page;
  };

  try {
    // 1. connect
    const connectPage = await newPage();
    await timeConnect(connectPage, wsUrl, await token('bench-warmup', 'warmup'));
    const connects: number[] = [];
    for (let i = 0; i < CONNECTS; i++) {
      connects.push(await timeConnect(connectPage, wsUrl, await token('bench-connect', `c-${i}`)));
    }
    await connectPage.close();
    const connectSorted = [...connects].sort((a, b) => a - b);
    log(`connect over ${CONNECTS} joins: ${connectSorted.map((v) => v.toFixed(0)).join(' ')} ms`);

    // 2. mute from the dashboard
    const muteRoom = 'bench-mute';
    const mutePages = [];
    const identities: string[] = [];
    for (let p = 0; p < MUTE_PAGES; p++) {
      const page = await newPage();
      const pageTokens = await tokens(muteRoom, `m${p}`, PER_PAGE);
      await joinRooms(page, wsUrl, pageTokens, { microphone: true, autoSubscribe: false });
      mutePages.push(page);
      for (let i = 0; i < PER_PAGE; i++) identities.push(`m${p}-${String(i).padStart(2, '0')}`);
    }
    const context = await moderatorBrowser.newContext({
      baseURL: dashboard.url,
      viewport: { width: 1440, height: 900 },
    });
    await signIn(context, 'moderator', 'moderator-demo');
    // The click as the moderator's page saw it (epoch ms), not when Playwright began its
    // actionability checks: those waits are the test driver's, not the product's.
    await context.addInitScript(() => {
      document.addEventListener(
        'click',
        (event) => {
          (window as unknown as { clickedAt?: number }).clickedAt =
            performance.timeOrigin + event.timeStamp;
        },
        { capture: true },
      );
    });
    const moderator = await context.newPage();
    await moderator.goto(`/rooms/${muteRoom}`);
    const filter = moderator.getByRole('searchbox', { name: /Filter participants/ });
    const mutes: number[] = [];
    for (const [index, identity] of identities.entries()) {
      const page = mutePages[Math.floor(index / PER_PAGE)]!;
      await filter.fill(identity);
      await moderator.getByRole('button', { name: `Actions for ${identity}`, exact: true }).click();
      const item = moderator.getByRole('menuitem', { name: `Mute microphone of ${identity}` });
      await item.waitFor();
      await item.click();
      const clicked = await moderator.evaluate(
        () => (window as unknown as { clickedAt: number }).clickedAt,
      );
      mutes.push((await mutedAt(page, identity)) - clicked);
    }
    for (const page of mutePages) await disconnectAll(page);
    await context.close();
    const muteSorted = [...mutes].sort((a, b) => a - b);
    log(`click → TrackMuted: ${muteSorted.map((v) => v.toFixed(0)).join(' ')} ms`);

    // 3. three pages, one camera each, everyone subscribed to everyone
    const videoPages = [];
    for (let p = 0; p < VIDEO_PAGES; p++) {
      const page = await newPage();
      await joinRooms(page, wsUrl, [await token('bench-video', `v-${p}`)], {
        microphone: false,
        camera: true,
        autoSubscribe: true,
      });
      videoPages.push(page);
    }
    // Wait until every page decodes video, so the sample is the steady state.
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      const frames = await Promise.all(videoPages.map(framesDecoded));
      if (frames.every((f) => f > 30)) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    const frames = await Promise.all(videoPages.map(framesDecoded));
    const videoCpu = await cpuPercent(standin.pid, SAMPLE_MS);
    log(
      `video: frames decoded per page before sampling ${frames.join(', ')}; stand-in ${videoCpu.toFixed(1)} % of a core`,
    );
    for (const page of videoPages) await disconnectAll(page);

    // 4. fifty microphones in one room
    const audioPages = [];
    for (let p = 0; p < AUDIO_PAGES; p++) {
      const page = await newPage();
      await joinRooms(page, wsUrl, await tokens('bench-audio', `a${p}`, PER_PAGE), {
        microphone: true,
        autoSubscribe: false,
      });
      audioPages.push(page);
    }
    const audioCpu = await cpuPercent(standin.pid, SAMPLE_MS);
    log(`audio: ${AUDIO_PAGES * PER_PAGE} publishers; stand-in ${audioCpu.toFixed(1)} % of a core`);
    for (const page of audioPages) await disconnectAll(page);

    const connectP50 = percentile(connectSorted, 50);
    const connectP95 = percentile(connectSorted, 95);
    const muteP50 = percentile(muteSorted, 50);
    const muteP95 = percentile(muteSorted, 95);
    const met =
      connectP95 <= GOALS.connectP95Ms &&
      muteP95 <= GOALS.muteP95Ms &&
      videoCpu <= GOALS.videoCpuPct &&
      audioCpu < GOALS.audioCpuPct &&
      frames.every((f) => f > 0);
    console.log(
      [
        'bench:clients',
        `connect_p50_ms=${connectP50.toFixed(0)}`,
        `connect_p95_ms=${connectP95.toFixed(0)}`,
        `mute_p50_ms=${muteP50.toFixed(0)}`,
        `mute_p95_ms=${muteP95.toFixed(0)}`,
        `video3_cpu_pct=${videoCpu.toFixed(1)}`,
        `audio50_cpu_pct=${audioCpu.toFixed(1)}`,
        `targets_met=${met}`,
      ].join(' '),
    );
  } finally {
    await participants.close();
    await moderatorBrowser.close();
    await pages.close();
    dashboard.stop();
    await standin.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
