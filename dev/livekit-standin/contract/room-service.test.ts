import { describe, expect, it } from 'vitest';
import { DataPacket_Kind } from 'livekit-server-sdk';
import { b64, expectTwirpError, MIN_STALL_MS, uniqueRoom, setupTarget } from './harness';

const t = setupTarget();
const SID = /^RM_[2-9A-HJ-NP-Za-km-z]{12}$/;

async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = Date.now();
  const value = await fn();
  return { value, ms: Date.now() - start };
}

describe('RoomService: rooms', () => {
  it('§7.29 CreateRoom {name} → sid RM_+12 base57, defaults 300/20/0, codecs listed', async () => {
    const name = uniqueRoom('create');
    const room = await t.rooms.createRoom({ name });
    expect(room.sid).toMatch(SID);
    expect(room.name).toBe(name);
    expect(room.emptyTimeout).toBe(300);
    expect(room.departureTimeout).toBe(20);
    expect(room.maxParticipants).toBe(0);
    expect(room.numParticipants).toBe(0);
    expect(room.enabledCodecs.length).toBeGreaterThan(0);
    expect(room.enabledCodecs.map((c) => c.mime)).toContain('audio/opus');
    expect(room.turnPassword).not.toBe('');
    expect(Number(room.creationTime)).toBeGreaterThan(1_600_000_000);
  });

  it('§7.30 CreateRoom with empty_timeout 0 → 300 (0 means default)', async () => {
    const name = uniqueRoom('zero');
    const res = await t.room(
      'CreateRoom',
      { name, empty_timeout: 0, departure_timeout: 0 },
      { roomCreate: true },
    );
    expect(res.status).toBe(200);
    expect(res.json.empty_timeout).toBe(300);
    expect(res.json.departure_timeout).toBe(20);
  });

  it('§7.31 CreateRoom on an existing room returns it unchanged (same sid, metadata, timeout)', async () => {
    const name = uniqueRoom('idem');
    const first = await t.rooms.createRoom({ name });
    const second = await t.rooms.createRoom({ name, metadata: 'x', emptyTimeout: 60 });
    expect(second.sid).toBe(first.sid);
    expect(second.metadata).toBe('');
    expect(second.emptyTimeout).toBe(300);
    const [listed] = await t.rooms.listRooms([name]);
    expect(listed?.metadata).toBe('');
    expect(listed?.emptyTimeout).toBe(300);
  });

  it('§7.32 CreateRoom with a 257-byte name → 400 invalid_argument (prefixed msg)', async () => {
    const res = await t.room('CreateRoom', { name: 'n'.repeat(257) }, { roomCreate: true });
    expectTwirpError(
      res,
      400,
      'invalid_argument',
      'twirp error unknown: room name length exceeds limits: max length 256',
    );
    const ok = await t.room(
      'CreateRoom',
      { name: uniqueRoom('x').padEnd(256, 'y') },
      {
        roomCreate: true,
      },
    );
    expect(ok.status).toBe(200);
  });

  it('§7.33 CreateRoom with 524289-byte metadata → 400 invalid_argument with meta argument', async () => {
    const name = uniqueRoom('bigmeta');
    const res = await t.room(
      'CreateRoom',
      { name, metadata: 'm'.repeat(524289) },
      {
        roomCreate: true,
      },
    );
    const body = expectTwirpError(
      res,
      400,
      'invalid_argument',
      'metadata size exceeds limits 524288',
    );
    expect(body.meta).toEqual({ argument: 'metadata size exceeds limits' });
    expect(await t.rooms.listRooms([name])).toEqual([]);
  });

  it('§7.34 CreateRoom with an unknown room_preset → 400 "unknown room configuration"', async () => {
    const name = uniqueRoom('preset');
    const res = await t.room('CreateRoom', { name, room_preset: 'nope' }, { roomCreate: true });
    expectTwirpError(
      res,
      400,
      'invalid_argument',
      'twirp error unknown: unknown room configuration in create room request',
    );
    expect(await t.rooms.listRooms([name])).toEqual([]);
  });

  it('§7.36 ListRooms filters by exact name; unknown names → 200 {"rooms":[]}', async () => {
    const r1 = uniqueRoom('list');
    const r2 = `${r1}-other`;
    await t.rooms.createRoom({ name: r1 });
    await t.rooms.createRoom({ name: r2 });
    const only = await t.rooms.listRooms([r1]);
    expect(only.map((r) => r.name)).toEqual([r1]);
    const all = (await t.rooms.listRooms()).map((r) => r.name);
    expect(all).toEqual(expect.arrayContaining([r1, r2]));
    const none = await t.room('ListRooms', { names: [uniqueRoom('zzz')] }, { roomList: true });
    expect(none.status).toBe(200);
    expect(none.json).toEqual({ rooms: [] });
  });

  it('§7.37 DeleteRoom on an unknown room → 404 not_found "requested room does not exist"', async () => {
    const res = await t.room('DeleteRoom', { room: uniqueRoom('none') }, { roomCreate: true });
    expectTwirpError(res, 404, 'not_found', 'twirp error unknown: requested room does not exist');
  });

  it('§7.38 DeleteRoom on an existing room → 200 {}, gone from ListRooms, repeat → 404', async () => {
    const room = uniqueRoom('del');
    await t.rooms.createRoom({ name: room });
    const res = await t.room('DeleteRoom', { room }, { roomCreate: true });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({});
    expect(await t.rooms.listRooms([room])).toEqual([]);
    await expect(t.rooms.deleteRoom(room)).rejects.toMatchObject({
      status: 404,
      code: 'not_found',
    });
  });

  it('§7.53 UpdateRoomMetadata on an unknown room → 404 "requested room does not exist"', async () => {
    const room = uniqueRoom('none');
    const res = await t.room(
      'UpdateRoomMetadata',
      { room, metadata: 'x' },
      {
        roomAdmin: true,
        room,
      },
    );
    expectTwirpError(res, 404, 'not_found', 'twirp error unknown: requested room does not exist');
  });

  it('§7.53 UpdateRoomMetadata sets metadata and an empty string clears it', async () => {
    const room = uniqueRoom('meta');
    await t.rooms.createRoom({ name: room });
    const set = await t.rooms.updateRoomMetadata(room, 'hello');
    expect(set.metadata).toBe('hello');
    expect((await t.rooms.listRooms([room]))[0]?.metadata).toBe('hello');
    const res = await t.room(
      'UpdateRoomMetadata',
      { room, metadata: '' },
      {
        roomAdmin: true,
        room,
      },
    );
    expect(res.status).toBe(200);
    expect(res.json.metadata).toBe('');
    expect(res.json.name).toBe(room);
    expect((await t.rooms.listRooms([room]))[0]?.metadata).toBe('');
  });
});

describe('RoomService: participants without a connection', () => {
  it('§7.39 ListParticipants for an unknown room → 200 {"participants":[]}', async () => {
    const room = uniqueRoom('none');
    const res = await t.room('ListParticipants', { room }, { roomAdmin: true, room });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ participants: [] });
  });

  it('§7.40 GetParticipant for an unknown identity or unknown room → 404 "participant does not exist"', async () => {
    const room = uniqueRoom('get');
    await t.rooms.createRoom({ name: room });
    await expect(t.rooms.getParticipant(room, 'ghost')).rejects.toMatchObject({
      status: 404,
      code: 'not_found',
      message: 'twirp error unknown: participant does not exist',
    });
    const other = uniqueRoom('none');
    const res = await t.room(
      'GetParticipant',
      { room: other, identity: 'ghost' },
      {
        roomAdmin: true,
        room: other,
      },
    );
    expectTwirpError(res, 404, 'not_found', 'twirp error unknown: participant does not exist');
  });

  it('§7.41 RemoveParticipant for an unknown identity → 404 "participant does not exist"', async () => {
    const room = uniqueRoom('rm');
    await t.rooms.createRoom({ name: room });
    const res = await t.room(
      'RemoveParticipant',
      { room, identity: 'ghost' },
      {
        roomAdmin: true,
        room,
      },
    );
    expectTwirpError(res, 404, 'not_found', 'twirp error unknown: participant does not exist');
  });

  it('§7.42 UpdateParticipant for an unknown identity → 404 "participant does not exist"', async () => {
    const room = uniqueRoom('upd');
    await t.rooms.createRoom({ name: room });
    await expect(t.rooms.updateParticipant(room, 'ghost', { metadata: 'x' })).rejects.toMatchObject(
      {
        status: 404,
        code: 'not_found',
        message: 'twirp error unknown: participant does not exist',
      },
    );
  });

  it('§7.45 UpdateParticipant with 65537 bytes of attributes → 400 "attribute size exceeds limits"', async () => {
    const room = uniqueRoom('attr');
    const res = await t.room(
      'UpdateParticipant',
      { room, identity: 'x', attributes: { k: 'v'.repeat(65536) } },
      { roomAdmin: true, room },
    );
    const body = expectTwirpError(
      res,
      400,
      'invalid_argument',
      'attribute size exceeds limits 65536',
    );
    expect(body.meta).toEqual({ argument: 'attribute size exceeds limits' });
  });

  it('§7.49 MutePublishedTrack / UpdateSubscriptions for an absent identity → 503 after the stall', async () => {
    const room = uniqueRoom('stall');
    await t.rooms.createRoom({ name: room });
    const mute = await timed(() =>
      t.room(
        'MutePublishedTrack',
        { room, identity: 'ghost', track_sid: 'TR_x', muted: true },
        {
          roomAdmin: true,
          room,
        },
      ),
    );
    expect(mute.ms).toBeGreaterThanOrEqual(MIN_STALL_MS);
    expectTwirpError(
      mute.value,
      503,
      'unavailable',
      'twirp error unknown: no response from servers',
    );

    const subs = await timed(() =>
      t.rooms.updateSubscriptions(room, 'ghost', ['TR_x'], true).then(
        () => undefined,
        (e: unknown) => e,
      ),
    );
    expect(subs.ms).toBeGreaterThanOrEqual(MIN_STALL_MS);
    expect(subs.value).toMatchObject({
      status: 503,
      code: 'unavailable',
      message: 'twirp error unknown: no response from servers',
    });
  });

  it('§7.49 MutePublishedTrack in a room that does not exist → 503 unavailable too', async () => {
    const room = uniqueRoom('none');
    const res = await timed(() =>
      t.rooms.mutePublishedTrack(room, 'ghost', 'TR_x', true).then(
        () => undefined,
        (e: unknown) => e,
      ),
    );
    expect(res.ms).toBeGreaterThanOrEqual(MIN_STALL_MS);
    expect(res.value).toMatchObject({ status: 503, code: 'unavailable' });
  });

  it('§7.50 SendData with an 8-byte nonce → 400 "nonce should be 16-bytes or not present"', async () => {
    const room = uniqueRoom('nonce');
    await t.rooms.createRoom({ name: room });
    const res = await t.room(
      'SendData',
      { room, data: b64(Buffer.from('hi')), nonce: b64(Buffer.alloc(8, 1)) },
      { roomAdmin: true, room },
    );
    expectTwirpError(
      res,
      400,
      'invalid_argument',
      'nonce should be 16-bytes or not present, got: 8 bytes',
    );
  });

  it('§7.51 SendData to a room that does not exist → 503 unavailable after the stall', async () => {
    const room = uniqueRoom('none');
    const res = await timed(() =>
      t.rooms.sendData(room, new TextEncoder().encode('x'), DataPacket_Kind.RELIABLE, {}).then(
        () => undefined,
        (e: unknown) => e,
      ),
    );
    expect(res.ms).toBeGreaterThanOrEqual(MIN_STALL_MS);
    expect(res.value).toMatchObject({
      status: 503,
      code: 'unavailable',
      message: 'twirp error unknown: no response from servers',
    });
  });

  it('§7.51 SendData to an existing room → 200 {}', async () => {
    const room = uniqueRoom('send');
    await t.rooms.createRoom({ name: room });
    const res = await t.room(
      'SendData',
      { room, data: b64(Buffer.from('hi')), kind: 'LOSSY' },
      {
        roomAdmin: true,
        room,
      },
    );
    expect(res.status).toBe(200);
    expect(res.json).toEqual({});
  });

  it('§7.54 MoveParticipant into the same room → 400 "destination room cannot be the same as source room "', async () => {
    const room = uniqueRoom('same');
    const res = await t.room(
      'MoveParticipant',
      { room, identity: 'x', destination_room: room },
      { roomAdmin: true, room, destinationRoom: room },
    );
    const body = expectTwirpError(
      res,
      400,
      'invalid_argument',
      'destination room cannot be the same as source room ',
    );
    expect(body.meta).toEqual({ argument: 'destination room cannot be the same as source room' });
  });

  it('§7.55 (§3.12) MoveParticipant for a participant that is not hosted → 503 after the stall', async () => {
    const room = uniqueRoom('mv');
    const dest = uniqueRoom('mvdest');
    await t.rooms.createRoom({ name: room });
    const res = await timed(() =>
      t.room(
        'MoveParticipant',
        { room, identity: 'ghost', destination_room: dest },
        { roomAdmin: true, room, destinationRoom: dest },
      ),
    );
    expect(res.ms).toBeGreaterThanOrEqual(MIN_STALL_MS);
    expectTwirpError(
      res.value,
      503,
      'unavailable',
      'twirp error unknown: no response from servers',
    );
  });

  it('§7.56 PerformRpc with an empty destination_identity → 400 "destination identity is required"', async () => {
    const room = uniqueRoom('rpc');
    await t.rooms.createRoom({ name: room });
    const res = await t.room(
      'PerformRpc',
      { room, destination_identity: '', method: 'm', payload: 'p' },
      { roomAdmin: true, room },
    );
    expectTwirpError(
      res,
      400,
      'invalid_argument',
      'twirp error unknown: destination identity is required',
    );
  });

  it('§7.56 (§3.13) PerformRpc to an identity that is not hosted → 503 after the stall', async () => {
    const room = uniqueRoom('rpc');
    await t.rooms.createRoom({ name: room });
    const res = await timed(() =>
      t.room(
        'PerformRpc',
        { room, destination_identity: 'ghost', method: 'm', payload: 'p' },
        { roomAdmin: true, room },
      ),
    );
    expect(res.ms).toBeGreaterThanOrEqual(MIN_STALL_MS);
    expectTwirpError(res.value, 503, 'unavailable');
  });
});
