/**
 * Real clients on the legacy `/rtc` signal path (two PeerConnections), driven by the Node test
 * client in src/client/rtc-client.ts, plus the signal endpoints' refusals. Expected texts and
 * codes follow livekit/livekit pkg/service/rtcservice.go (`validateInternal`, `serve`),
 * pkg/service/utils.go (`ValidateConnectRequest`) and pkg/service/auth.go.
 *
 * Every wait is for a condition (a signal, a packet, a webhook, a listing), with timeouts sized
 * for a loaded 2-core machine; clients are created one after another, never in parallel tests.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  DisconnectReason,
  LeaveRequest_Action,
  ParticipantInfo_State,
  type ParticipantInfo,
} from '@livekit/protocol';
import { DataPacket_Kind } from 'livekit-server-sdk';
import { LegacyRtcClient } from '../src/client/rtc-client';
import {
  decodePayload,
  expectPlainError,
  isRealServer,
  setupTarget,
  setupWebhookSink,
  uniqueRoom,
  waitFor,
  type Json,
} from './harness';
import { joinRequestParam, joinToken, nameOf, upgradeLegacy } from './rtc-signal';

/** Generous: WebRTC setup between two werift peers takes seconds on a busy machine. */
const WAIT_MS = 30_000;
const TEST_MS = 90_000;

describe('§rtc signal endpoints: validate and refusals', () => {
  const t = setupTarget();

  const validate = (path: string, token: string, query = '') =>
    t.fetch(`${path}?access_token=${token}${query}`, { method: 'GET', contentType: null });

  it('a token signed with the wrong secret → 401 with the auth middleware text', async () => {
    const token = await t.token({ roomJoin: true, room: 'r' }, { identity: 'a', secret: 'wrong' });
    for (const path of ['/rtc/validate', '/rtc/v1/validate']) {
      expectPlainError(
        await validate(path, token),
        401,
        'invalid authorization token: token signature is invalid: signature is invalid',
      );
    }
  });

  it('a token without roomJoin → 401 "permissions denied"', async () => {
    const token = await t.token({ room: 'r', roomAdmin: true }, { identity: 'a' });
    expectPlainError(await validate('/rtc/validate', token), 401, 'permissions denied');
    expectPlainError(
      await validate('/rtc/v1/validate', token, `&join_request=${joinRequestParam()}`),
      401,
      'permissions denied',
    );
  });

  it('a join token without a room → 400 "no room name"', async () => {
    const token = await t.token({ roomJoin: true }, { identity: 'a' });
    expectPlainError(await validate('/rtc/validate', token), 400, 'no room name');
  });

  it('/rtc/v1/validate without join_request → 400 "join_request is required"', async () => {
    const token = await joinToken(t, uniqueRoom('v1'), 'a');
    expectPlainError(await validate('/rtc/v1/validate', token), 400, 'join_request is required');
  });

  it('a valid join token → 200 "success" on both validate paths', async () => {
    const token = await joinToken(t, uniqueRoom('ok'), 'a');
    const v0 = await validate('/rtc/validate', token);
    expect([v0.status, v0.text]).toEqual([200, 'success']);
    const v1 = await validate('/rtc/v1/validate', token, `&join_request=${joinRequestParam()}`);
    expect([v1.status, v1.text]).toEqual([200, 'success']);
  });

  it('GET on a signal path without a WebSocket upgrade → bare 404', async () => {
    const token = await joinToken(t, uniqueRoom('get'), 'a');
    for (const path of ['/rtc', '/rtc/v1']) {
      const res = await validate(path, token);
      expect([path, res.status, res.text]).toEqual([path, 404, '']);
    }
  });

  it('a resume attempt (reconnect=1) gets a RECONNECT leave (STATE_MISMATCH) and the socket closes', async () => {
    const room = uniqueRoom('resume');
    const result = await upgradeLegacy(t.url, await joinToken(t, room, 'alice'), {
      reconnect: '1',
      sid: 'PA_unknown',
    });
    if (result.kind !== 'opened') throw new Error(`upgrade refused: ${JSON.stringify(result)}`);
    expect(result.first.message.case).toBe('leave');
    expect(result.first.message.value).toMatchObject({
      action: LeaveRequest_Action.RECONNECT,
      reason: DisconnectReason.STATE_MISMATCH,
    });
    await result.closed;
    // Refused, not joined: nobody entered the room.
    expect(await t.rooms.listParticipants(room)).toEqual([]);
  });

  it('a resume attempt from a client before protocol 13 gets canReconnect instead of an action', async () => {
    const result = await upgradeLegacy(t.url, await joinToken(t, uniqueRoom('resume12'), 'a'), {
      reconnect: '1',
      protocol: '12',
    });
    if (result.kind !== 'opened') throw new Error(`upgrade refused: ${JSON.stringify(result)}`);
    expect(result.first.message.value).toMatchObject({
      canReconnect: true,
      action: LeaveRequest_Action.DISCONNECT,
      reason: DisconnectReason.STATE_MISMATCH,
    });
  });
});

// Webhooks, the `received` log and simulated participants need the stand-in (control API); the
// real-server run skips these.
describe.skipIf(isRealServer)('§rtc legacy /rtc clients', { timeout: TEST_MS }, () => {
  const hooks = setupWebhookSink();
  const t = setupTarget(() => ({ webhooks: [hooks.url] }));
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

  const hasParticipant =
    (identity: string, state?: ParticipantInfo_State) => (u: { participants: ParticipantInfo[] }) =>
      u.participants.some(
        (p) => p.identity === identity && (state === undefined || p.state === state),
      );

  it('joins: ACTIVE in ListParticipants with the token name, participant_joined, a full join response', async () => {
    const room = uniqueRoom('join');
    const alice = await connect(room, 'alice');
    expect(alice.join.participant).toMatchObject({ identity: 'alice', name: nameOf('alice') });
    expect(alice.join.room?.name).toBe(room);
    expect(alice.join.serverInfo?.version).not.toBe('');
    // Dual-PC clients that may subscribe get the subscriber as primary, as on the real server.
    expect(alice.join.subscriberPrimary).toBe(true);
    expect(alice.join.pingInterval).toBeGreaterThan(0);

    const listed = await waitFor(async () => {
      const [p] = await t.rooms.listParticipants(room);
      return p?.state === ParticipantInfo_State.ACTIVE ? p : undefined;
    }, WAIT_MS);
    expect(listed).toMatchObject({ identity: 'alice', name: nameOf('alice') });
    const joined = await hooks.waitForEvent(room, 'participant_joined', undefined, WAIT_MS);
    expect(joined.json?.participant).toMatchObject({ identity: 'alice', state: 'ACTIVE' });
  });

  it('answers pings with a pongResp echoing the timestamp', async () => {
    const alice = await connect(uniqueRoom('ping'), 'alice');
    const pong = await alice.ping();
    expect(pong.timestamp).toBeGreaterThanOrEqual(pong.lastPingTimestamp);
  });

  it('a client that may not subscribe connects with the publisher PC as primary', async () => {
    const room = uniqueRoom('nosub');
    const client = await LegacyRtcClient.connect({
      url: t.url,
      token: await joinToken(t, room, 'viewer', { canSubscribe: false }),
      timeoutMs: WAIT_MS,
    });
    clients.push(client);
    expect(client.join.subscriberPrimary).toBe(false);
    await waitFor(
      async () => (await t.rooms.listParticipants(room))[0]?.state === ParticipantInfo_State.ACTIVE,
      WAIT_MS,
    );
  });

  it('publishes audio, and MutePublishedTrack reaches the client as a mute signal', async () => {
    const room = uniqueRoom('mute');
    const alice = await connect(room, 'alice');
    const track = await alice.publishAudio('mic');
    expect(track.sid).toMatch(/^TR_AM/);
    await hooks.waitForEvent(room, 'track_published', undefined, WAIT_MS);
    const [listed] = await t.rooms.listParticipants(room);
    expect(listed?.tracks.map((tr) => tr.sid)).toEqual([track.sid]);

    await t.rooms.mutePublishedTrack(room, 'alice', track.sid, true);
    const mute = await alice.waitForSignal('mute', (m) => m.sid === track.sid);
    expect(mute.muted).toBe(true);
  });

  it("the client's own mute and unmute show in ListParticipants", async () => {
    const room = uniqueRoom('selfmute');
    const alice = await connect(room, 'alice');
    const track = await alice.publishAudio('mic');
    const mutedIs = (muted: boolean) => async () =>
      (await t.rooms.listParticipants(room))[0]?.tracks[0]?.muted === muted;
    alice.mute(track.sid, true);
    await waitFor(mutedIs(true), WAIT_MS);
    alice.mute(track.sid, false);
    await waitFor(mutedIs(false), WAIT_MS);
  });

  it('UpdateParticipant permission → an update carrying its own new permission', async () => {
    const room = uniqueRoom('perm');
    const alice = await connect(room, 'alice');
    await t.rooms.updateParticipant(room, 'alice', {
      permission: { canPublish: false, canSubscribe: true, canPublishData: true },
    });
    const update = await alice.waitForSignal('update', (u) =>
      u.participants.some((p) => p.identity === 'alice' && p.permission?.canPublish === false),
    );
    const own = update.participants.find((p) => p.identity === 'alice');
    expect(own?.permission).toMatchObject({ canSubscribe: true, canPublishData: true });
  });

  it('SendData to destinationIdentities reaches only the named client, with its topic', async () => {
    const room = uniqueRoom('senddata');
    const alice = await connect(room, 'alice');
    const bob = await connect(room, 'bob');
    const encode = (s: string) => new TextEncoder().encode(s);
    await t.rooms.sendData(room, encode('for bob'), DataPacket_Kind.RELIABLE, {
      topic: 'private',
      destinationIdentities: ['bob'],
    });
    // Then one for everyone: on the ordered reliable channel it arrives after the first.
    await t.rooms.sendData(room, encode('for all'), DataPacket_Kind.RELIABLE, { topic: 'all' });

    const toBob = await bob.waitForData((_p, user) => user.topic === 'private');
    expect(new TextDecoder().decode(toBob.user.payload)).toBe('for bob');
    await bob.waitForData((_p, user) => user.topic === 'all');
    await alice.waitForData((_p, user) => user.topic === 'all');
    const aliceTopics = alice.data.entries.map((p) =>
      p.value.case === 'user' ? p.value.value.topic : p.value.case,
    );
    expect(aliceTopics).toEqual(['all']);
  });

  it('UpdateRoomMetadata → roomUpdate with the new metadata', async () => {
    const room = uniqueRoom('roommeta');
    const alice = await connect(room, 'alice');
    await t.rooms.updateRoomMetadata(room, 'agenda: contracts');
    const update = await alice.waitForSignal('roomUpdate');
    expect(update.room).toMatchObject({ name: room, metadata: 'agenda: contracts' });
  });

  it('a second client is seen by the first on join and on leave, and sees the first', async () => {
    const room = uniqueRoom('presence');
    const alice = await connect(room, 'alice');
    const bob = await connect(room, 'bob');
    expect(bob.join.otherParticipants.map((p) => p.identity)).toEqual(['alice']);
    await alice.waitForSignal('update', hasParticipant('bob', ParticipantInfo_State.ACTIVE));

    await bob.leave();
    const gone = await alice.waitForSignal(
      'update',
      hasParticipant('bob', ParticipantInfo_State.DISCONNECTED),
    );
    expect(gone.participants.find((p) => p.identity === 'bob')?.name).toBe(nameOf('bob'));
  });

  it("a client's data packet reaches another client and a simulated participant's received log", async () => {
    const room = uniqueRoom('clientdata');
    const alice = await connect(room, 'alice');
    const bob = await connect(room, 'bob');
    await t.control.join(room, 'sim');

    await alice.sendData('hello from alice', { topic: 'chat' });
    const atBob = await bob.waitForData((_p, user) => user.topic === 'chat');
    expect(new TextDecoder().decode(atBob.user.payload)).toBe('hello from alice');
    expect(atBob.user.participantIdentity).toBe('alice');

    const entry = await waitFor(async () => {
      const entries = await t.control.receivedOf(room, 'sim', 'data');
      return entries.find((e) => e.topic === 'chat');
    }, WAIT_MS);
    expect(entry.senderIdentity).toBe('alice');
    expect(decodePayload(entry)).toBe('hello from alice');
  });

  it('identity takeover: a second join with the same identity replaces the first (DUPLICATE_IDENTITY)', async () => {
    const room = uniqueRoom('takeover');
    const first = await connect(room, 'alice');
    const second = await connect(room, 'alice');
    const leave = await first.waitForSignal('leave');
    expect(leave.reason).toBe(DisconnectReason.DUPLICATE_IDENTITY);
    await first.closed;

    const listed = await t.rooms.listParticipants(room);
    expect(listed.map((p) => [p.identity, p.sid])).toEqual([
      ['alice', second.join.participant?.sid],
    ]);
  });

  it('RemoveParticipant → leave PARTICIPANT_REMOVED, and the server closes the socket', async () => {
    const room = uniqueRoom('remove');
    const alice = await connect(room, 'alice');
    await t.rooms.removeParticipant(room, 'alice');
    const leave = await alice.waitForSignal('leave');
    expect(leave).toMatchObject({
      reason: DisconnectReason.PARTICIPANT_REMOVED,
      action: LeaveRequest_Action.DISCONNECT,
      canReconnect: false,
    });
    await alice.closed;
  });

  it('DeleteRoom → leave ROOM_DELETED', async () => {
    const room = uniqueRoom('delete');
    const alice = await connect(room, 'alice');
    await t.rooms.deleteRoom(room);
    const leave = await alice.waitForSignal('leave');
    expect(leave.reason).toBe(DisconnectReason.ROOM_DELETED);
  });

  it('a client leave → participant_left (CLIENT_INITIATED) and gone from ListParticipants', async () => {
    const room = uniqueRoom('leave');
    const alice = await connect(room, 'alice');
    await alice.leave();
    const left = await hooks.waitForEvent(room, 'participant_left', undefined, WAIT_MS);
    expect(left.json?.participant).toMatchObject({
      identity: 'alice',
      disconnectReason: 'CLIENT_INITIATED',
    });
    expect(await t.rooms.listParticipants(room)).toEqual([]);
  });

  it('a dropped signal socket removes the participant with SIGNAL_CLOSE', async () => {
    const room = uniqueRoom('drop');
    const alice = await connect(room, 'alice');
    await alice.close();
    const left = await hooks.waitForEvent(room, 'participant_left', undefined, WAIT_MS);
    expect((left.json?.participant as Json).disconnectReason).toBe('SIGNAL_CLOSE');
  });

  it('departure_timeout applies after a real client leaves: the room closes', async () => {
    const room = uniqueRoom('departure');
    await t.rooms.createRoom({ name: room, emptyTimeout: 300, departureTimeout: 1 });
    const alice = await connect(room, 'alice');
    await alice.leave();
    await hooks.waitForEvent(room, 'room_finished', undefined, WAIT_MS);
    expect(await t.rooms.listRooms([room])).toEqual([]);
  });

  it('a full room (max_participants 1) refuses the upgrade with 500 and the real message', async () => {
    const room = uniqueRoom('full');
    await t.rooms.createRoom({ name: room, maxParticipants: 1 });
    await connect(room, 'alice');
    const result = await upgradeLegacy(t.url, await joinToken(t, room, 'bob'));
    expect(result).toMatchObject({
      kind: 'refused',
      status: 500,
      body: expect.stringMatching(/^room has exceeded its max participants\n?$/),
    });
    const listed = await t.rooms.listParticipants(room);
    expect(listed.map((p) => p.identity)).toEqual(['alice']);
  });
});
