import { describe, expect, it } from 'vitest';
import {
  CAM,
  expectTwirpError,
  isRealServer,
  MIC,
  uniqueRoom,
  setupTarget,
  type Target,
} from './harness';
import { LegacyRtcClient } from '../src/client/rtc-client';
import { joinToken } from './rtc-signal';

const moveGrant = (room: string, dest: string) => ({
  roomAdmin: true,
  room,
  destinationRoom: dest,
});

const identities = async (t: Target, room: string) =>
  (await t.rooms.listParticipants(room)).map((p) => p.identity).sort();

// A connected participant is needed, which only the stand-in's control API can provide.
describe.skipIf(isRealServer)('Move/Forward on the open-source server (default)', () => {
  const t = setupTarget();

  it('§7.55 MoveParticipant for a connected participant → 500 unknown "not implemented"', async () => {
    const room = uniqueRoom('oss');
    const dest = uniqueRoom('ossdest');
    await t.control.join(room, 'alice');
    const res = await t.room(
      'MoveParticipant',
      { room, identity: 'alice', destination_room: dest },
      moveGrant(room, dest),
    );
    expectTwirpError(res, 500, 'unknown', 'twirp error unknown: not implemented');
    expect(await identities(t, room)).toEqual(['alice']);
    expect(await t.rooms.listRooms([dest])).toEqual([]);
  });

  it('§7.55 ForwardParticipant for a connected participant → 500 unknown "not implemented"', async () => {
    const room = uniqueRoom('oss');
    const dest = uniqueRoom('ossdest');
    await t.control.join(room, 'alice');
    await expect(t.rooms.forwardParticipant(room, 'alice', dest)).rejects.toMatchObject({
      status: 500,
      code: 'unknown',
      message: 'twirp error unknown: not implemented',
    });
    expect(await t.rooms.listParticipants(dest)).toEqual([]);
  });
});

// Cloud behaviour is a stand-in switch; no open-source server implements Move/Forward.
describe.skipIf(isRealServer)('Move/Forward in Cloud mode (stand-in cloud: true)', () => {
  const t = setupTarget({ cloud: true });

  it('§7.55 (cloud) MoveParticipant moves alice with her tracks into the destination room', async () => {
    const room = uniqueRoom('move');
    const dest = uniqueRoom('movedest');
    await t.control.join(room, 'alice', { tracks: [MIC, CAM], metadata: 'md' });
    await t.control.join(room, 'bob');
    const res = await t.room(
      'MoveParticipant',
      { room, identity: 'alice', destination_room: dest },
      moveGrant(room, dest),
    );
    expect(res.status).toBe(200);
    expect(res.json).toEqual({});
    expect(await identities(t, room)).toEqual(['bob']);
    expect(await identities(t, dest)).toEqual(['alice']);
    const moved = await t.rooms.getParticipant(dest, 'alice');
    expect(moved.metadata).toBe('md');
    expect(moved.tracks.map((tr) => tr.source).sort()).toEqual([1, 2]);
    expect((await t.rooms.listRooms([dest])).map((r) => r.name)).toEqual([dest]);
    const notices = await t.control.receivedOf(room, 'alice', 'moved');
    expect(notices).toEqual([expect.objectContaining({ destinationRoom: dest })]);
  });

  it('§7.55 (cloud) ForwardParticipant keeps alice in the source and adds her to the destination', async () => {
    const room = uniqueRoom('fwd');
    const dest = uniqueRoom('fwddest');
    await t.control.join(room, 'alice', { tracks: [MIC] });
    await t.rooms.forwardParticipant(room, 'alice', dest);
    expect(await identities(t, room)).toEqual(['alice']);
    expect(await identities(t, dest)).toEqual(['alice']);
    const forwarded = await t.rooms.getParticipant(dest, 'alice');
    expect(forwarded.tracks).toHaveLength(1);
  });

  it('§7.54 (cloud) the same-room check and the destinationRoom grant still apply', async () => {
    const room = uniqueRoom('cloudsame');
    await t.control.join(room, 'alice');
    const same = await t.room(
      'MoveParticipant',
      { room, identity: 'alice', destination_room: room },
      moveGrant(room, room),
    );
    expectTwirpError(
      same,
      400,
      'invalid_argument',
      'destination room cannot be the same as source room ',
    );
    const dest = uniqueRoom('clouddest');
    const noGrant = await t.room(
      'MoveParticipant',
      { room, identity: 'alice', destination_room: dest },
      { roomAdmin: true, room },
    );
    expectTwirpError(noGrant, 401, 'unauthenticated', 'permissions denied');
    expect(await identities(t, room)).toEqual(['alice']);
  });
});

// A real client (the /rtc Node client) continues on its connection in the destination room.
describe.skipIf(isRealServer)('Cloud MoveParticipant of a real client', { timeout: 90_000 }, () => {
  const t = setupTarget({ cloud: true });

  it('§7.55 (cloud) the client gets roomMoved with a token for the destination, and stays reachable', async () => {
    const room = uniqueRoom('rtcmove');
    const dest = uniqueRoom('rtcmovedest');
    const alice = await LegacyRtcClient.connect({
      url: t.url,
      token: await joinToken(t, room, 'alice'),
      timeoutMs: 30_000,
    });
    try {
      const track = await alice.publishAudio('mic');
      await t.rooms.moveParticipant(room, 'alice', dest);

      const moved = await alice.waitForSignal('roomMoved');
      expect(moved.room?.name).toBe(dest);
      expect(moved.participant).toMatchObject({ identity: 'alice' });
      const claims = JSON.parse(
        Buffer.from(moved.token.split('.')[1]!, 'base64url').toString('utf8'),
      ) as { sub: string; video: { room: string; roomJoin: boolean } };
      expect(claims).toMatchObject({ sub: 'alice', video: { room: dest, roomJoin: true } });
      expect(await identities(t, room)).toEqual([]);
      expect(await identities(t, dest)).toEqual(['alice']);

      // The same connection now belongs to the destination: a moderator's mute there reaches it.
      await t.rooms.mutePublishedTrack(dest, 'alice', track.sid, true);
      await alice.waitForSignal('mute', (m) => m.sid === track.sid && m.muted);
    } finally {
      await alice.close();
    }
  });
});
