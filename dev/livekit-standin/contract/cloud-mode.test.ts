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
