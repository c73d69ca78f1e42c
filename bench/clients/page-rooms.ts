import type { Page } from '@playwright/test';
import type * as LivekitClient from 'livekit-client';

/*
 * Several real livekit-client Rooms in one participant page (the harness page of
 * e2e-clients/support/participant-server.ts, which loads the SDK as the `LivekitClient` global):
 * how the benchmark puts 20 or 50 real participants on two cores.
 */

type BenchWindow = {
  LivekitClient: typeof LivekitClient;
  benchRooms?: LivekitClient.Room[];
  /** Epoch ms at which each identity's SDK reported its microphone muted. */
  mutedAt?: Record<string, number>;
};

/** Connects one Room per token (in order), optionally publishing each one's microphone. */
export async function joinRooms(
  page: Page,
  url: string,
  tokens: string[],
  options: { microphone: boolean; camera?: boolean; autoSubscribe: boolean },
): Promise<void> {
  await page.evaluate(
    async ([url, tokens, options]) => {
      const w = window as unknown as BenchWindow;
      const { Room, RoomEvent, Track } = w.LivekitClient;
      w.benchRooms ??= [];
      w.mutedAt ??= {};
      for (const token of tokens) {
        const room = new Room();
        room.on(RoomEvent.TrackMuted, (publication, participant) => {
          if (participant.isLocal && publication.source === Track.Source.Microphone) {
            w.mutedAt![participant.identity] = Date.now();
          }
        });
        await room.connect(url, token, { autoSubscribe: options.autoSubscribe });
        if (options.microphone) await room.localParticipant.setMicrophoneEnabled(true);
        if (options.camera) await room.localParticipant.setCameraEnabled(true);
        w.benchRooms.push(room);
      }
    },
    [url, tokens, options] as const,
  );
}

/** Epoch ms of `identity`'s microphone TrackMuted, once it happened. */
export async function mutedAt(page: Page, identity: string, timeoutMs = 10_000): Promise<number> {
  const handle = await page.waitForFunction(
    (identity) => (window as unknown as BenchWindow).mutedAt?.[identity],
    identity,
    { timeout: timeoutMs, polling: 5 },
  );
  return (await handle.jsonValue()) as number;
}

/** Video frames the page's Rooms decoded so far, over every subscribed video track. */
export async function framesDecoded(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const w = window as unknown as BenchWindow;
    let frames = 0;
    for (const room of w.benchRooms ?? []) {
      for (const participant of room.remoteParticipants.values()) {
        for (const publication of participant.videoTrackPublications.values()) {
          const stats = await publication.videoTrack?.getRTCStatsReport();
          stats?.forEach((entry: { type: string; framesDecoded?: number }) => {
            if (entry.type === 'inbound-rtp') frames += entry.framesDecoded ?? 0;
          });
        }
      }
    }
    return frames;
  });
}

/** Time to `Room.connect()` one fresh Room in the page, in ms; it disconnects afterwards. */
export async function timeConnect(page: Page, url: string, token: string): Promise<number> {
  return page.evaluate(
    async ([url, token]) => {
      const { Room } = (window as unknown as BenchWindow).LivekitClient;
      const room = new Room();
      const started = performance.now();
      await room.connect(url, token);
      const elapsed = performance.now() - started;
      await room.disconnect();
      return elapsed;
    },
    [url, token] as const,
  );
}

export async function disconnectAll(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const w = window as unknown as BenchWindow;
    await Promise.all((w.benchRooms ?? []).map((room) => room.disconnect()));
    w.benchRooms = [];
  });
}
