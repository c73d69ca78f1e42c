import { TrackSource } from '@livekit/protocol';
import { LegacyRtcClient } from '@moderato/livekit-standin/rtc-client';

import { expect, LIVEKIT_HTTP_URL, test } from './fixtures';
import type { Participant } from './support/participant';
import { mintToken } from './support/tokens';

/*
 * Mixed rooms (dev/livekit-standin/README.md, "Media forwarding"): a real livekit-client page on
 * `/rtc/v1` (one PeerConnection) and a client on the legacy `/rtc` path (two PeerConnections:
 * the stand-in's Node client, dev/livekit-standin/src/client/rtc-client.ts, or a page whose Room
 * has `singlePeerConnection: false`) forward media to each other through the same router. A page
 * proves what it receives by its WebRTC stats, the Node client by the RTP packets it counts per
 * subscribed track.
 */

/** About a second of media: 20 ms audio frames, ~15 fps for the forwarded video layer. */
const AUDIO_PACKETS = 50;
const VIDEO_PACKETS = 15;
/** About a second of forwarded video (~15 fps) decoded by a page. */
const VIDEO_FRAMES = 15;

/** Waits until `participant`'s page decodes the other's video and receives its audio. */
async function expectReceiving(participant: Participant): Promise<void> {
  await expect
    .poll(() => participant.framesDecoded(), {
      message: `${participant.identity} decodes forwarded video`,
      timeout: 15_000,
    })
    .toBeGreaterThanOrEqual(VIDEO_FRAMES);
  await expect
    .poll(async () => (await participant.audioReceived()).packetsReceived, {
      message: `${participant.identity} receives forwarded audio`,
      timeout: 15_000,
    })
    .toBeGreaterThanOrEqual(AUDIO_PACKETS);
}

async function connectLegacy(roomName: string, identity: string): Promise<LegacyRtcClient> {
  return LegacyRtcClient.connect({
    url: LIVEKIT_HTTP_URL,
    token: await mintToken({ roomName, identity }),
    timeoutMs: 20_000,
  });
}

test.describe('media forwarding between /rtc/v1 pages and legacy /rtc clients', () => {
  test("a legacy subscriber receives a page's camera and microphone", async ({
    livekit,
    roomService,
    joinParticipant,
  }) => {
    const room = await livekit.createRoom({ name: livekit.roomName('v1-to-legacy') });
    await joinParticipant({
      roomName: room,
      identity: 'alice',
      publish: ['camera', 'microphone'],
      connect: { simulcast: true },
    });
    const tracks = (await roomService.getParticipant(room, 'alice')).tracks;
    const camera = tracks.find((t) => t.source === TrackSource.CAMERA);
    const microphone = tracks.find((t) => t.source === TrackSource.MICROPHONE);
    expect(camera && microphone, 'alice publishes a camera and a microphone').toBeTruthy();

    const bob = await connectLegacy(room, 'bob');
    try {
      await bob.waitForPackets(camera!.sid, VIDEO_PACKETS);
      await bob.waitForPackets(microphone!.sid, AUDIO_PACKETS);
      expect(bob.receivingTrackSids().sort()).toEqual([camera!.sid, microphone!.sid].sort());
    } finally {
      await bob.close();
    }
  });

  test("a page receives a legacy publisher's microphone", async ({ livekit, joinParticipant }) => {
    const room = await livekit.createRoom({ name: livekit.roomName('legacy-to-v1') });
    const bob = await joinParticipant({ roomName: room, identity: 'bob' });
    const alice = await connectLegacy(room, 'alice');
    try {
      const mic = await alice.publishAudio('mic', TrackSource.MICROPHONE, { sendRtp: true });
      await expect
        .poll(
          async () =>
            (await bob.events()).some(
              (e) => e.name === 'trackSubscribed' && e.trackSid === mic.sid,
            ),
          { message: "bob's SDK subscribes to alice's microphone" },
        )
        .toBe(true);
      await expect
        .poll(async () => (await bob.audioReceived()).packetsReceived, {
          message: "bob's page receives alice's audio packets",
          timeout: 15_000,
        })
        .toBeGreaterThanOrEqual(AUDIO_PACKETS);
    } finally {
      await alice.close();
    }
  });

  test('a legacy livekit-client page and a /rtc/v1 page exchange camera and microphone', async ({
    livekit,
    roomService,
    joinParticipant,
  }) => {
    const room = await livekit.createRoom({ name: livekit.roomName('legacy-page') });
    const alice = await joinParticipant({
      roomName: room,
      identity: 'alice',
      publish: ['camera', 'microphone'],
      connect: { simulcast: true, singlePeerConnection: false },
    });
    const bob = await joinParticipant({
      roomName: room,
      identity: 'bob',
      publish: ['camera', 'microphone'],
      connect: { simulcast: true },
    });
    expect(alice.signalPaths(), 'alice signals on the legacy path only').toEqual(['/rtc']);
    expect(bob.signalPaths(), 'bob signals on /rtc/v1').toEqual(['/rtc/v1']);

    const listed = await roomService.listParticipants(room);
    expect(
      Object.fromEntries(listed.map((p) => [p.identity, p.tracks.length])),
      'the stand-in lists both, each with a camera and a microphone',
    ).toEqual({ alice: 2, bob: 2 });

    await expectReceiving(alice);
    await expectReceiving(bob);
  });
});
