import { RoomServiceClient } from 'livekit-server-sdk';

import {
  API_KEY,
  API_SECRET,
  expect,
  STANDIN_HTTP_URL,
  test,
  type MediaParticipant,
  type TrackEvent,
} from './media-participants';

/*
 * Media forwarding by the stand-in (dev/livekit-standin/README.md, "Media forwarding"): real
 * livekit-client pages with Chromium's fake camera and microphone, joined over `/rtc/v1`.
 * Forwarding is proven by the receiving page's own WebRTC stats: decoded video frames and
 * received audio.
 */

const roomName = (title: string): string =>
  `${title.replace(/\W+/g, '-').slice(0, 40)}-${Date.now().toString(36)}`;

/** Waits until `participant` holds a subscribed audio and video track from `from`. */
async function expectSubscribedTo(participant: MediaParticipant, from: string): Promise<void> {
  await expect
    .poll(async () => current(await participant.events(), from), {
      message: `${participant.identity} subscribes to ${from}'s camera and microphone`,
    })
    .toEqual(['audio', 'video']);
}

/** Kinds subscribed from `from` now (a later `unsubscribed` cancels an earlier `subscribed`). */
function current(events: TrackEvent[], from: string): string[] {
  const held = new Map<string, string>();
  for (const event of events.filter((e) => e.from === from)) {
    if (event.type === 'subscribed') held.set(event.trackSid, event.kind);
    else held.delete(event.trackSid);
  }
  return [...held.values()].sort();
}

/** About a second of media: fake-camera frames (the forwarded layer runs at ~15 fps) and 48 kHz audio. */
const VIDEO_FRAMES = 15;
const AUDIO_SAMPLES = 48_000;

/**
 * Waits until the page decodes about a second more forwarded video and plays about a second more
 * forwarded audio, and records the totals in the test's annotations (the report quotes them).
 */
async function expectMediaFlowing(participant: MediaParticipant): Promise<void> {
  const video = await participant.inbound('video');
  const audio = await participant.inbound('audio');
  await expect
    .poll(async () => (await participant.inbound('video')).framesDecoded, {
      message: `${participant.identity} decodes forwarded video`,
      timeout: 15_000,
    })
    .toBeGreaterThanOrEqual(video.framesDecoded + VIDEO_FRAMES);
  await expect
    .poll(async () => (await participant.inbound('audio')).totalSamplesReceived, {
      message: `${participant.identity} plays forwarded audio`,
      timeout: 15_000,
    })
    .toBeGreaterThanOrEqual(audio.totalSamplesReceived + AUDIO_SAMPLES);
  const reached = {
    video: await participant.inbound('video'),
    audio: await participant.inbound('audio'),
  };
  expect(reached.audio.packetsReceived, 'audio packets arrive').toBeGreaterThan(0);
  test.info().annotations.push({
    type: `${participant.identity} inbound`,
    description: JSON.stringify(reached),
  });
}

test.describe('media forwarding between real livekit-client participants', () => {
  test('a participant joining later receives the camera and microphone already published', async ({
    join,
  }, testInfo) => {
    const room = roomName(testInfo.title);
    const alice = await join('alice', room);
    await alice.publishCameraAndMicrophone();
    const bob = await join('bob', room);

    await expectSubscribedTo(bob, 'alice');
    await expectMediaFlowing(bob);
  });

  test('a participant already in the room receives tracks published after it joined', async ({
    join,
  }, testInfo) => {
    const room = roomName(testInfo.title);
    const bob = await join('bob', room);
    const alice = await join('alice', room);
    await alice.publishCameraAndMicrophone();

    await expectSubscribedTo(bob, 'alice');
    await expectMediaFlowing(bob);
  });

  test('UpdateSubscriptions stops forwarding and starts it again on the freed m-lines', async ({
    join,
  }, testInfo) => {
    const room = roomName(testInfo.title);
    const alice = await join('alice', room);
    await alice.publishCameraAndMicrophone();
    const bob = await join('bob', room);
    await expectSubscribedTo(bob, 'alice');

    const roomService = new RoomServiceClient(STANDIN_HTTP_URL, API_KEY, API_SECRET);
    const trackSids = (await roomService.getParticipant(room, 'alice')).tracks.map((t) => t.sid);
    expect(trackSids, 'alice publishes two tracks').toHaveLength(2);

    await roomService.updateSubscriptions(room, 'bob', trackSids, false);
    await expect
      .poll(async () => current(await bob.events(), 'alice'), {
        message: 'bob is unsubscribed from both of alice tracks',
      })
      .toEqual([]);

    await roomService.updateSubscriptions(room, 'bob', trackSids, true);
    await expectSubscribedTo(bob, 'alice');
    await expectMediaFlowing(bob);
  });
});
