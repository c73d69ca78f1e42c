/**
 * Media forwarding on the legacy `/rtc` path (two PeerConnections): tracks a client sends on its
 * publisher PC reach the others on the subscriber PC the server offers, and the server
 * renegotiates that PC when forwarded tracks come and go (README, "Media forwarding").
 *
 * Both ends are `LegacyRtcClient`s sending stand-in RTP (src/client/dummy-media.ts). There is no
 * Node client for `/rtc/v1`; mixed rooms (a livekit-client page and a legacy client) are tested in
 * the real-client suite, e2e-clients/legacy-media.spec.ts.
 *
 * Every wait is for a condition: a packet count, a signal, or the client's negotiated state.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DisconnectReason, LeaveRequest_Action, TrackSource } from '@livekit/protocol';
import { LegacyRtcClient } from '../src/client/rtc-client';
import {
  isRealServer,
  setupTarget,
  setupWebhookSink,
  uniqueRoom,
  waitFor,
  type Json,
} from './harness';
import { joinToken } from './rtc-signal';

/** Generous: WebRTC setup between werift peers takes seconds on a busy machine. */
const WAIT_MS = 30_000;
const TEST_MS = 120_000;
/** Packets that prove a flow: about a second of 20 ms audio frames. */
const FLOW = 50;

describe.skipIf(isRealServer)('§rtc legacy /rtc media forwarding', { timeout: TEST_MS }, () => {
  const t = setupTarget();
  const clients: LegacyRtcClient[] = [];

  const connect = async (room: string, identity: string): Promise<LegacyRtcClient> => {
    const client = await LegacyRtcClient.connect({
      url: t.url,
      token: await joinToken(t, room, identity),
      timeoutMs: WAIT_MS,
    });
    clients.push(client);
    return client;
  };

  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
  });

  /** Resolves once `client` has `more` packets of `trackSid` beyond what it has now. */
  const moreOf = (client: LegacyRtcClient, trackSid: string, more: number) =>
    client.waitForPackets(trackSid, client.packetsOf(trackSid) + more);

  it('a publisher already sending → a subscriber joining later receives its RTP, and the count grows', async () => {
    const room = uniqueRoom('media');
    const alice = await connect(room, 'alice');
    const mic = await alice.publishAudio('mic', TrackSource.MICROPHONE, { sendRtp: true });

    const bob = await connect(room, 'bob');
    await bob.waitForPackets(mic.sid, FLOW);
    const first = bob.packetsOf(mic.sid);
    await moreOf(bob, mic.sid, FLOW);
    expect(bob.packetsOf(mic.sid)).toBeGreaterThanOrEqual(first + FLOW);
    expect(bob.receivingTrackSids()).toEqual([mic.sid]);
    // The publisher is not sent its own track.
    expect(alice.receivingTrackSids()).toEqual([]);
    expect(alice.packetsOf(mic.sid)).toBe(0);
  });

  it('a late publisher → the server re-offers the subscriber PC; its video arrives after a key frame request', async () => {
    const room = uniqueRoom('late');
    const bob = await connect(room, 'bob');
    const offersBefore = bob.signals.entries.filter((r) => r.message.case === 'offer').length;

    const alice = await connect(room, 'alice');
    const camera = await alice.publishVideo('camera', TrackSource.CAMERA, { sendRtp: true });
    await bob.waitForPackets(camera.sid, FLOW);

    const offersAfter = bob.signals.entries.filter((r) => r.message.case === 'offer').length;
    expect(offersAfter).toBeGreaterThan(offersBefore);
    expect(bob.receivingTrackSids()).toEqual([camera.sid]);
    // A subscriber starting on a video track makes the server ask the publisher for a key frame.
    await waitFor(() => alice.keyFrameRequestsOf(camera.sid) > 0, WAIT_MS);
  });

  it('UpdateSubscriptions off stops the packets of that track only; on resumes them', async () => {
    const room = uniqueRoom('subs');
    const alice = await connect(room, 'alice');
    const mic = await alice.publishAudio('mic', TrackSource.MICROPHONE, { sendRtp: true });
    const music = await alice.publishAudio('music', TrackSource.SCREEN_SHARE_AUDIO, {
      sendRtp: true,
    });
    const bob = await connect(room, 'bob');
    await bob.waitForPackets(mic.sid, FLOW);
    await bob.waitForPackets(music.sid, FLOW);

    await t.rooms.updateSubscriptions(room, 'bob', [mic.sid], false);
    // The server's next subscriber offer turns the m-line inactive and the client answered it.
    await waitFor(() => !bob.receivingTrackSids().includes(mic.sid), WAIT_MS);
    expect(bob.receivingTrackSids()).toEqual([music.sid]);
    // Packets already in flight have landed once the other track has moved on a little.
    await moreOf(bob, music.sid, 10);
    const stopped = bob.packetsOf(mic.sid);
    await moreOf(bob, music.sid, FLOW);
    expect(bob.packetsOf(mic.sid)).toBe(stopped);

    await t.rooms.updateSubscriptions(room, 'bob', [mic.sid], true);
    await bob.waitForPackets(mic.sid, stopped + FLOW);
    expect([...bob.receivingTrackSids()].sort()).toEqual([mic.sid, music.sid].sort());
  });

  it('revoking canSubscribe (UpdateParticipant) stops forwarding to that client', async () => {
    const room = uniqueRoom('revoke');
    const alice = await connect(room, 'alice');
    const mic = await alice.publishAudio('mic', TrackSource.MICROPHONE, { sendRtp: true });
    const bob = await connect(room, 'bob');
    const carol = await connect(room, 'carol');
    await bob.waitForPackets(mic.sid, FLOW);
    await carol.waitForPackets(mic.sid, FLOW);

    await t.rooms.updateParticipant(room, 'bob', {
      permission: { canSubscribe: false, canPublish: true, canPublishData: true },
    });
    await waitFor(() => bob.receivingTrackSids().length === 0, WAIT_MS);
    await moreOf(carol, mic.sid, 10);
    const stopped = bob.packetsOf(mic.sid);
    await moreOf(carol, mic.sid, FLOW);
    expect(bob.packetsOf(mic.sid)).toBe(stopped);
  });

  it('an unpublished track ends at the subscriber; a new one reuses the ended m-line', async () => {
    const room = uniqueRoom('reuse');
    const alice = await connect(room, 'alice');
    const first = await alice.publishAudio('mic', TrackSource.MICROPHONE, { sendRtp: true });
    const bob = await connect(room, 'bob');
    await bob.waitForPackets(first.sid, FLOW);

    // A moderator-side unpublish (the control API), which reaches bob as a participant update.
    await t.control.unpublish(room, 'alice', first.sid);
    await waitFor(() => bob.receivingTrackSids().length === 0, WAIT_MS);

    const second = await alice.publishAudio('mic2', TrackSource.SCREEN_SHARE_AUDIO, {
      sendRtp: true,
    });
    await bob.waitForPackets(second.sid, FLOW);
    expect(bob.receivingTrackSids()).toEqual([second.sid]);
    const offers = bob.signals.entries.flatMap((r) =>
      r.message.case === 'offer' ? [r.message.value.sdp] : [],
    );
    expect(offers.at(-1)?.match(/^m=audio /gm)).toHaveLength(1);
  });
});

// The real server waits 15 s (negotiationFailedTimeout); the stand-in's timeout is an option.
describe.skipIf(isRealServer)(
  '§rtc legacy /rtc: an unanswered subscriber offer',
  { timeout: TEST_MS },
  () => {
    /** Short, so the test does not wait the real 15 s; long enough for a loaded machine to answer. */
    const NEGOTIATION_MS = 1_500;
    const hooks = setupWebhookSink();
    const t = setupTarget(() => ({ webhooks: [hooks.url], negotiationTimeoutMs: NEGOTIATION_MS }));
    const clients: LegacyRtcClient[] = [];

    const connect = async (room: string, identity: string): Promise<LegacyRtcClient> => {
      const client = await LegacyRtcClient.connect({
        url: t.url,
        token: await joinToken(t, room, identity),
        timeoutMs: WAIT_MS,
      });
      clients.push(client);
      return client;
    };

    afterEach(async () => {
      await Promise.all(clients.splice(0).map((c) => c.close()));
    });

    it('fails the negotiation after the timeout: a RECONNECT leave (STATE_MISMATCH), the participant leaves', async () => {
      const room = uniqueRoom('unanswered');
      const bob = await connect(room, 'bob');
      const firstOffer = await bob.waitForSignal('offer');
      bob.withholdAnswers();
      // Alice's track makes the server offer bob's subscriber PC again; bob never answers.
      const reofferedAt = bob
        .waitForSignal('offer', (o) => o.id > firstOffer.id)
        .then(() => Date.now());
      const alice = await connect(room, 'alice');
      await alice.publishAudio('mic', TrackSource.MICROPHONE, { sendRtp: true });

      const leave = await bob.waitForSignal('leave');
      expect(Date.now() - (await reofferedAt)).toBeGreaterThanOrEqual(NEGOTIATION_MS - 200);
      expect(leave).toMatchObject({
        reason: DisconnectReason.STATE_MISMATCH,
        action: LeaveRequest_Action.RECONNECT,
      });
      await bob.closed;

      const left = await hooks.waitForEvent(
        room,
        'participant_left',
        (r) => (r.json?.participant as Json | undefined)?.identity === 'bob',
        WAIT_MS,
      );
      expect((left.json?.participant as Json).disconnectReason).toBe('STATE_MISMATCH');
      expect((await t.rooms.listParticipants(room)).map((p) => p.identity)).toEqual(['alice']);
    });
  },
);
