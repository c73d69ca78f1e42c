import { chromium, type Browser } from '@playwright/test';
import { RoomServiceClient } from 'livekit-server-sdk';

import { test as base, expect, LiveKitSeeder, slug, uniqueSuffix } from '../e2e/fixtures';
import { SYSTEM_CHROMIUM } from '../e2e/support/chromium';
import { E2E } from '../e2e/support/ports';

import type { ConnectOptions } from './support/events';
import { Participant } from './support/participant';
import { startParticipantServer, type ParticipantServer } from './support/participant-server';
import { API_KEY, API_SECRET, mintToken, type TokenOptions } from './support/tokens';

/**
 * The real-client suite's fixtures: the dashboard ones of e2e/fixtures.ts (demo sign-in, the
 * room seeder) pointed at this suite's stand-in, plus participant pages running the real
 * `livekit-client` in a Chromium of their own with a fake camera and microphone.
 */

/** The stand-in of playwright.clients.config.ts: its server API and its signal URL. */
export const LIVEKIT_HTTP_URL = `http://127.0.0.1:${E2E.clientsLivekitPort}`;
export const LIVEKIT_WS_URL = `ws://127.0.0.1:${E2E.clientsLivekitPort}`;

/** Each page encodes its fake camera and runs a renderer: 2 cores carry 3 (issue 13). */
const MAX_OPEN_PAGES = 3;

/** The suite's Chromium (e2e/support/chromium.ts) with fake media devices. */
const participantLaunchOptions = {
  executablePath: SYSTEM_CHROMIUM,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    // A generated test pattern and beep instead of real devices, and no permission prompt.
    '--use-fake-device-for-media-stream',
    '--use-fake-ui-for-media-stream',
  ],
};

export type PublishSource = 'microphone' | 'camera';

export interface JoinOptions extends Omit<TokenOptions, 'secret'> {
  /**
   * Sources to publish once connected; each is awaited as `localTrackPublished` and kept in
   * `participant.published[source]`.
   */
  publish?: PublishSource[];
  connect?: ConnectOptions;
  /** Signal URL of another stand-in (a test's own); this suite's by default. */
  url?: string;
}

type WorkerFixtures = {
  participantBrowser: Browser;
  participantServer: ParticipantServer;
};

type TestFixtures = {
  /** The real RoomServiceClient against this suite's stand-in, for ListParticipants and co. */
  roomService: RoomServiceClient;
  /** Opens a participant page with the SDK loaded, not connected (for refused joins). */
  openParticipant: (identity: string) => Promise<Participant>;
  /** Opens a page, joins `roomName` with a fresh token and publishes `publish`. */
  joinParticipant: (options: JoinOptions) => Promise<Participant>;
};

export const test = base.extend<TestFixtures, WorkerFixtures>({
  participantBrowser: [
    async ({}, provide) => {
      const browser = await chromium.launch(participantLaunchOptions);
      await provide(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],
  participantServer: [
    async ({}, provide) => {
      const server = await startParticipantServer();
      await provide(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  livekit: async ({}, provide, testInfo) => {
    const seeder = new LiveKitSeeder(LIVEKIT_HTTP_URL, `${slug(testInfo.title)}-${uniqueSuffix()}`);
    await provide(seeder);
    await seeder.cleanup();
  },
  roomService: async ({}, provide) => {
    await provide(new RoomServiceClient(LIVEKIT_HTTP_URL, API_KEY, API_SECRET));
  },
  // Depends on `livekit` so the pages leave before the seeder deletes the test's rooms.
  openParticipant: async (
    { participantBrowser, participantServer, livekit: _ },
    provide,
    testInfo,
  ) => {
    const open: Participant[] = [];
    await provide(async (identity) => {
      const live = open.filter((p) => !p.page.isClosed());
      if (live.length >= MAX_OPEN_PAGES) {
        throw new Error(`at most ${MAX_OPEN_PAGES} participant pages at once; leave() one first`);
      }
      const context = await participantBrowser.newContext({
        permissions: ['camera', 'microphone'],
      });
      const page = await context.newPage();
      const participant = new Participant(identity, page, context);
      open.push(participant);
      await page.goto(participantServer.url);
      await page.waitForFunction(() => 'lk' in window);

      return participant;
    });
    for (const participant of open) {
      if (testInfo.status !== testInfo.expectedStatus && participant.console.length > 0) {
        await testInfo.attach(`console of ${participant.identity}`, {
          body: participant.console.join('\n'),
          contentType: 'text/plain',
        });
      }
      await participant.leave();
    }
  },
  joinParticipant: async ({ openParticipant }, provide) => {
    await provide(async ({ publish = [], connect, url = LIVEKIT_WS_URL, ...token }) => {
      const participant = await openParticipant(token.identity);
      const joined = await participant.connect(url, await mintToken(token), connect);
      expect(joined, `${token.identity} connects to ${token.roomName}`).toMatchObject({ ok: true });
      for (const source of publish) {
        const published =
          source === 'microphone'
            ? await participant.setMicrophoneEnabled(true)
            : await participant.setCameraEnabled(true);
        expect(published, `${token.identity} publishes its ${source}`).toMatchObject({ ok: true });
        participant.published[source] = await participant.waitForEvent(
          'localTrackPublished',
          (e) => e.source === source,
        );
      }

      return participant;
    });
  },
});

export { expect, mintToken };
