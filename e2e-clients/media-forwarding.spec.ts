import { expect, test, type JoinOptions } from './fixtures';
import type { ParticipantEvent } from './support/events';
import type { Participant } from './support/participant';

/*
 * Media forwarding by the stand-in (dev/livekit-standin/README.md, "Media forwarding"): real
 * livekit-client pages with Chromium's fake camera and microphone, joined over `/rtc/v1`.
 * Forwarding is proven by the receiving page's own WebRTC stats: decoded video frames and
 * received audio.
 */

/**
 * Alice publishes as an app does by default: her microphone and a simulcast camera, of which the
 * stand-in forwards the lowest layer (the harness turns simulcast off unless asked).
 */
const PUBLISHER: Pick<JoinOptions, 'publish' | 'connect'> = {
  publish: ['camera', 'microphone'],
  connect: { simulcast: true },
};

/** Sources subscribed from `from` now, by the SDK log: a later unsubscribe cancels a subscribe. */
function subscribedSources(events: ParticipantEvent[], from: string): string[] {
  const held = new Map<string, string>();
  for (const event of events) {
    if (event.name !== 'trackSubscribed' && event.name !== 'trackUnsubscribed') continue;
    if (event.identity !== from) continue;
    if (event.name === 'trackSubscribed') held.set(event.trackSid, event.source);
    else held.delete(event.trackSid);
  }

  return [...held.values()].sort();
}

/** Waits until `participant`'s SDK holds TrackSubscribed for `from`'s camera and microphone. */
async function expectSubscribedTo(participant: Participant, from: string): Promise<void> {
  await expect
    .poll(async () => subscribedSources(await participant.events(), from), {
      message: `${participant.identity} subscribes to ${from}'s camera and microphone`,
    })
    .toEqual(['camera', 'microphone']);
}

/** About a second of media: fake-camera frames (forwarded layer at ~15 fps) and 48 kHz audio. */
const VIDEO_FRAMES = 15;
const AUDIO_SAMPLES = 48_000;

/**
 * Waits until the page decodes about a second more forwarded video and plays about a second more
 * forwarded audio, and records the totals in the test's annotations (the report quotes them).
 */
async function expectMediaFlowing(participant: Participant): Promise<void> {
  const frames = await participant.framesDecoded();
  const audio = await participant.audioReceived();
  await expect
    .poll(() => participant.framesDecoded(), {
      message: `${participant.identity} decodes forwarded video`,
      timeout: 15_000,
    })
    .toBeGreaterThanOrEqual(frames + VIDEO_FRAMES);
  await expect
    .poll(async () => (await participant.audioReceived()).totalSamplesReceived, {
      message: `${participant.identity} plays forwarded audio`,
      timeout: 15_000,
    })
    .toBeGreaterThanOrEqual(audio.totalSamplesReceived + AUDIO_SAMPLES);
  const reached = {
    framesDecoded: await participant.framesDecoded(),
    audio: await participant.audioReceived(),
  };
  expect(reached.audio.packetsReceived, 'audio packets arrive').toBeGreaterThan(
    audio.packetsReceived,
  );
  test.info().annotations.push({
    type: `${participant.identity} inbound`,
    description: JSON.stringify(reached),
  });
}

test.describe('media forwarding between real livekit-client participants', () => {
  test('a participant joining later receives the camera and microphone already published', async ({
    livekit,
    joinParticipant,
  }) => {
    const room = await livekit.createRoom({ name: livekit.roomName('late-subscriber') });
    await joinParticipant({ roomName: room, identity: 'alice', ...PUBLISHER });
    const bob = await joinParticipant({ roomName: room, identity: 'bob' });

    await expectSubscribedTo(bob, 'alice');
    await expectMediaFlowing(bob);
  });

  test('a participant already in the room receives tracks published after it joined', async ({
    livekit,
    joinParticipant,
  }) => {
    const room = await livekit.createRoom({ name: livekit.roomName('late-publisher') });
    const bob = await joinParticipant({ roomName: room, identity: 'bob' });
    await joinParticipant({ roomName: room, identity: 'alice', ...PUBLISHER });

    await expectSubscribedTo(bob, 'alice');
    await expectMediaFlowing(bob);
  });

  test('UpdateSubscriptions stops forwarding and starts it again on the freed m-lines', async ({
    livekit,
    roomService,
    joinParticipant,
  }) => {
    const room = await livekit.createRoom({ name: livekit.roomName('update-subscriptions') });
    await joinParticipant({ roomName: room, identity: 'alice', ...PUBLISHER });
    const bob = await joinParticipant({ roomName: room, identity: 'bob' });
    await expectSubscribedTo(bob, 'alice');

    const trackSids = (await roomService.getParticipant(room, 'alice')).tracks.map((t) => t.sid);
    expect(trackSids, 'alice publishes two tracks').toHaveLength(2);

    await roomService.updateSubscriptions(room, 'bob', trackSids, false);
    await expect
      .poll(async () => subscribedSources(await bob.events(), 'alice'), {
        message: "bob is unsubscribed from both of alice's tracks",
      })
      .toEqual([]);

    await roomService.updateSubscriptions(room, 'bob', trackSids, true);
    await expectSubscribedTo(bob, 'alice');
    await expectMediaFlowing(bob);
  });
});
