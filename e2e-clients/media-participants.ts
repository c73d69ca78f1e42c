import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { test as base, type Page } from '@playwright/test';
import { AccessToken } from 'livekit-server-sdk';
import type { Room, RoomEvent as RoomEventEnum } from 'livekit-client';

/*
 * A minimal participant-page helper for media-forwarding.spec.ts until the shared real-client
 * harness (e2e-clients/fixtures.ts) lands on main: pages load the real livekit-client UMD bundle
 * from a 127.0.0.1 page server (a loopback origin is a secure context, so getUserMedia and WebRTC
 * work without HTTPS) and join the stand-in of playwright.media.config.ts.
 */

export const MEDIA_STANDIN_PORT = 7894;
export const STANDIN_HTTP_URL = `http://127.0.0.1:${MEDIA_STANDIN_PORT}`;
const STANDIN_WS_URL = `ws://127.0.0.1:${MEDIA_STANDIN_PORT}`;
export const API_KEY = 'devkey';
export const API_SECRET = 'secret';

/** Each page encodes its fake camera: 2 cores carry 3 (issue 13). */
const MAX_PAGES = 3;

export interface TrackEvent {
  type: 'subscribed' | 'unsubscribed';
  from: string;
  kind: string;
  trackSid: string;
}

/** Inbound RTP of one kind, summed over the page's remote tracks. */
export interface Inbound {
  packetsReceived: number;
  framesDecoded: number;
  totalSamplesReceived: number;
}

/** What the page keeps on `window.media` (set by `connect`). */
interface PageMedia {
  room: Room;
  events: TrackEvent[];
}
type MediaWindow = typeof globalThis & {
  media: PageMedia;
  LivekitClient: { Room: typeof Room; RoomEvent: typeof RoomEventEnum };
};

export class MediaParticipant {
  constructor(
    readonly identity: string,
    readonly page: Page,
  ) {}

  async connect(roomName: string): Promise<void> {
    const token = new AccessToken(API_KEY, API_SECRET, { identity: this.identity, ttl: '10m' });
    token.addGrant({ roomJoin: true, room: roomName, canPublish: true, canSubscribe: true });
    await this.page.evaluate(
      async ([url, jwt]) => {
        const w = window as unknown as MediaWindow;
        const { Room, RoomEvent } = w.LivekitClient;
        const room = new Room();
        const events: TrackEvent[] = [];
        w.media = { room, events };
        room.on(RoomEvent.TrackSubscribed, (track, publication, participant) => {
          events.push({
            type: 'subscribed',
            from: participant.identity,
            kind: track.kind,
            trackSid: publication.trackSid,
          });
          // Played out like an app does, so Chromium decodes the audio (totalSamplesReceived).
          if (track.kind === 'audio') document.body.append(track.attach());
        });
        room.on(RoomEvent.TrackUnsubscribed, (track, publication, participant) => {
          events.push({
            type: 'unsubscribed',
            from: participant.identity,
            kind: track.kind,
            trackSid: publication.trackSid,
          });
        });
        await room.connect(url, jwt);
      },
      [STANDIN_WS_URL, await token.toJwt()] as const,
    );
  }

  /** Publishes the fake camera and microphone (camera with the SDK's default simulcast). */
  publishCameraAndMicrophone(): Promise<void> {
    return this.page.evaluate(async () => {
      const { room } = (window as unknown as MediaWindow).media;
      await room.localParticipant.setCameraEnabled(true);
      await room.localParticipant.setMicrophoneEnabled(true);
    });
  }

  events(): Promise<TrackEvent[]> {
    return this.page.evaluate(() => (window as unknown as MediaWindow).media.events);
  }

  /** The page's `inbound-rtp` stats of `kind` from the remote tracks it holds now. */
  inbound(kind: 'audio' | 'video'): Promise<Inbound> {
    return this.page.evaluate(async (wanted) => {
      const { room } = (window as unknown as MediaWindow).media;
      const sum: Inbound = { packetsReceived: 0, framesDecoded: 0, totalSamplesReceived: 0 };
      for (const participant of room.remoteParticipants.values()) {
        for (const publication of participant.trackPublications.values()) {
          const receiver = publication.track?.receiver;
          if (!receiver || publication.kind !== wanted) continue;
          (await receiver.getStats()).forEach((s: Record<string, unknown>) => {
            if (s.type !== 'inbound-rtp') return;
            sum.packetsReceived += Number(s.packetsReceived ?? 0);
            sum.framesDecoded += Number(s.framesDecoded ?? 0);
            sum.totalSamplesReceived += Number(s.totalSamplesReceived ?? 0);
          });
        }
      }
      return sum;
    }, kind);
  }

  async leave(): Promise<void> {
    if (this.page.isClosed()) return;
    await this.page.evaluate(() => (window as unknown as MediaWindow).media?.room.disconnect());
    await this.page.context().close();
  }
}

async function startPageServer(): Promise<{ url: string; close(): Promise<void> }> {
  // The package's `require` entry is its UMD build (global `LivekitClient`).
  const sdk = await readFile(require.resolve('livekit-client'));
  const html =
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>participant</title>' +
    '<script src="/livekit-client.umd.js"></script></head><body></body></html>';
  const server = createServer((req, res) => {
    if (req.url === '/livekit-client.umd.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(sdk);
    } else {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export const test = base.extend<
  { join: (identity: string, roomName: string) => Promise<MediaParticipant> },
  { pageServer: { url: string } }
>({
  pageServer: [
    async ({}, provide) => {
      const server = await startPageServer();
      await provide(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  join: async ({ browser, pageServer }, provide) => {
    const open: MediaParticipant[] = [];
    await provide(async (identity, roomName) => {
      if (open.length >= MAX_PAGES) throw new Error(`at most ${MAX_PAGES} participant pages`);
      const context = await browser.newContext({ permissions: ['camera', 'microphone'] });
      const participant = new MediaParticipant(identity, await context.newPage());
      open.push(participant);
      await participant.page.goto(pageServer.url);
      await participant.connect(roomName);
      return participant;
    });
    for (const participant of open) await participant.leave();
  },
});

export { expect } from '@playwright/test';
