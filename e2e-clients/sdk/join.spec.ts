import { ParticipantInfo_State } from 'livekit-server-sdk';

import { expect, LIVEKIT_HTTP_URL, LIVEKIT_WS_URL, mintToken, test } from '../fixtures';

/**
 * Joining as the real SDK does it (Room.connect over /rtc/v1), checked from both ends: what the
 * SDK says, and what the stand-in lists through the real RoomServiceClient.
 */
test.describe('joining with livekit-client', () => {
  test('connects and is listed as an active participant under the token name', async ({
    livekit,
    roomService,
    joinParticipant,
  }) => {
    const room = await livekit.createRoom({ name: livekit.roomName('join') });
    const alice = await joinParticipant({ roomName: room, identity: 'alice', name: 'Alice' });

    expect(alice.joined).toMatchObject({
      identity: 'alice',
      participantName: 'Alice',
      roomName: room,
    });
    expect(alice.joined?.serverVersion).toBeTruthy();
    await alice.waitForEvent('connected');
    // ACTIVE once the server sees the peer connection up, which may trail the SDK's own `connected`.
    await expect
      .poll(async () => (await roomService.listParticipants(room)).map((p) => p.state))
      .toEqual([ParticipantInfo_State.ACTIVE]);
    const [listed] = await roomService.listParticipants(room);
    expect(listed).toMatchObject({ sid: alice.joined?.sid, identity: 'alice', name: 'Alice' });
  });

  test('refuses tokens the server must refuse, and the SDK says why', async ({
    livekit,
    roomService,
    openParticipant,
  }) => {
    const room = await livekit.createRoom({ name: livekit.roomName('refused') });
    const mallory = await openParticipant('mallory');

    const badSignature = await mallory.connect(
      LIVEKIT_WS_URL,
      await mintToken({ roomName: room, identity: 'mallory', secret: 'not-the-secret' }),
    );
    expect(badSignature).toMatchObject({
      ok: false,
      reason: 'NotAllowed',
      status: 401,
      message: expect.stringContaining('invalid authorization token'),
    });

    const noJoinGrant = await mallory.connect(
      LIVEKIT_WS_URL,
      await mintToken({ roomName: room, identity: 'mallory', grants: { roomJoin: false } }),
    );
    expect(noJoinGrant).toMatchObject({
      ok: false,
      reason: 'NotAllowed',
      status: 401,
      message: expect.stringContaining('permissions denied'),
    });

    // The SDK keeps the text of a 401/403 only; for any other refusal it reports the failed
    // upgrade. The server's reason is what the validate endpoint it asks answers.
    const noRoomToken = await mintToken({
      roomName: room,
      identity: 'mallory',
      grants: { room: undefined },
    });
    expect(await mallory.connect(LIVEKIT_WS_URL, noRoomToken)).toMatchObject({
      ok: false,
      reason: 'WebSocket',
      message: expect.stringContaining('websocket error'),
    });
    const validate = await fetch(`${LIVEKIT_HTTP_URL}/rtc/validate?access_token=${noRoomToken}`);
    expect(validate.status).toBe(400);
    expect(await validate.text()).toContain('no room name');

    expect(await roomService.listParticipants(room)).toEqual([]);
  });

  test('refuses a join beyond max participants', async ({
    livekit,
    roomService,
    joinParticipant,
    openParticipant,
  }) => {
    const room = await livekit.createRoom({ name: livekit.roomName('full'), maxParticipants: 1 });
    await joinParticipant({ roomName: room, identity: 'alice' });

    const bob = await openParticipant('bob');
    const refused = await bob.connect(
      LIVEKIT_WS_URL,
      await mintToken({ roomName: room, identity: 'bob' }),
    );
    // Refused before the upgrade, like the real server's failed StartSession: the SDK reports the
    // failed upgrade (its validate check passes, the token is fine).
    expect(refused).toMatchObject({
      ok: false,
      reason: 'WebSocket',
      message: expect.stringContaining('websocket error'),
    });
    expect((await roomService.listParticipants(room)).map((p) => p.identity)).toEqual(['alice']);
  });

  test('a second join with the same identity replaces the first', async ({
    livekit,
    roomService,
    joinParticipant,
  }) => {
    const room = await livekit.createRoom({ name: livekit.roomName('takeover') });
    const first = await joinParticipant({ roomName: room, identity: 'alice', name: 'Laptop' });
    const second = await joinParticipant({ roomName: room, identity: 'alice', name: 'Phone' });

    await first.waitForEvent('disconnected', (e) => e.reason === 'DUPLICATE_IDENTITY');
    expect((await second.snapshot()).state).toBe('connected');
    const listed = await roomService.listParticipants(room);
    expect(listed.map((p) => [p.identity, p.name, p.sid])).toEqual([
      ['alice', 'Phone', second.joined?.sid],
    ]);
  });
});
