import { describe, expect, it } from 'vitest';
import {
  CreateRoomRequest,
  DeleteRoomRequest,
  ListRoomsRequest,
  ListRoomsResponse,
  Room,
} from '@livekit/protocol';
import {
  CAM,
  expectPlainError,
  expectTwirpError,
  isRealServer,
  postDeclaringLength,
  uniqueRoom,
  setupTarget,
} from './harness';

const t = setupTarget();
const LIST_ROOMS = '/twirp/livekit.RoomService/ListRooms';

describe('transport', () => {
  it('§7.1 ListRooms with `application/json;charset=UTF-8` → 200, application/json, `rooms` array', async () => {
    const res = await t.room(
      'ListRooms',
      '{}',
      { roomList: true },
      {
        contentType: 'application/json;charset=UTF-8',
      },
    );
    expect(res.status).toBe(200);
    expect(res.contentType).toBe('application/json');
    expect(Array.isArray(res.json.rooms)).toBe(true);
  });

  it('§7.2 GET on a Twirp method → 404 bad_route with twirp_invalid_route meta', async () => {
    const token = await t.token({ roomList: true });
    const res = await t.fetch(LIST_ROOMS, { method: 'GET', token, contentType: null });
    const body = expectTwirpError(
      res,
      404,
      'bad_route',
      'unsupported method "GET" (only POST is allowed)',
    );
    expect(body.meta).toEqual({ twirp_invalid_route: `GET ${LIST_ROOMS}` });
  });

  it('§7.3 POST with Content-Type text/plain → 404 bad_route "unexpected Content-Type"', async () => {
    const res = await t.room('ListRooms', '{}', { roomList: true }, { contentType: 'text/plain' });
    expectTwirpError(res, 404, 'bad_route', 'unexpected Content-Type: "text/plain"');
  });

  it('§7.3 (§1.2) a missing Content-Type is rejected like any unknown type', async () => {
    // fetch adds text/plain;charset=UTF-8 to string bodies; send bytes so no type is implied.
    const bare = await t.fetch(LIST_ROOMS, {
      body: new TextEncoder().encode('{}'),
      contentType: null,
      token: await t.token({ roomList: true }),
    });
    expectTwirpError(bare, 404, 'bad_route', 'unexpected Content-Type: ""');
  });

  it('§7.4 POST /twirp/livekit.RoomService/Nope → 404 bad_route "no handler for path"', async () => {
    const res = await t.room('Nope', '{}', { roomList: true });
    expectTwirpError(
      res,
      404,
      'bad_route',
      'no handler for path "/twirp/livekit.RoomService/Nope"',
    );
  });

  it('§7.5 POST /twirp/livekit.Unknown/X → plain-text 404 "404 page not found"', async () => {
    const res = await t.twirp('Unknown', 'X', {}, { grant: { roomList: true } });
    expectPlainError(res, 404, '404 page not found');
  });

  it('§7.5 (§1.1) GET / is the health check: 200 "OK"', async () => {
    const res = await t.fetch('/', { method: 'GET', contentType: null });
    expect(res.status).toBe(200);
    expect(res.text.trim()).toBe('OK');
  });

  it('§7.1 (§1.1) CORS: preflight reflects the origin, allows POST and any header, max-age 86400', async () => {
    const origin = 'http://dashboard.example';
    const res = await fetch(t.url + LIST_ROOMS, {
      method: 'OPTIONS',
      headers: {
        Origin: origin,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization,content-type,x-custom',
      },
    });
    expect(res.status).toBeLessThan(300);
    expect(res.headers.get('access-control-allow-origin')).toBe(origin);
    expect(res.headers.get('access-control-allow-methods')).toMatch(/POST/);
    expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).toMatch(/x-custom/);
    expect(res.headers.get('access-control-max-age')).toBe('86400');

    const token = await t.token({ roomList: true });
    const real = await t.fetch(LIST_ROOMS, { body: '{}', token, headers: { Origin: origin } });
    expect(real.status).toBe(200);
    expect(real.headers.get('access-control-allow-origin')).toBe(origin);
  });

  it('§7.6 ListRooms with an empty JSON body → 400 malformed', async () => {
    const res = await t.room('ListRooms', '', { roomList: true });
    expectTwirpError(res, 400, 'malformed', 'the json request could not be decoded');
  });

  it('§7.7 ListRooms with {"names": 5} → 400 malformed', async () => {
    const res = await t.room('ListRooms', { names: 5 }, { roomList: true });
    expectTwirpError(res, 400, 'malformed');
  });

  it('§7.8 unknown JSON keys are ignored → 200', async () => {
    const res = await t.room('ListRooms', { names: [], bogus: 1 }, { roomList: true });
    expect(res.status).toBe(200);
    expect(Array.isArray(res.json.rooms)).toBe(true);
  });

  it('§7.8 (§1.3) null means unset; giving both key spellings for one field → 400 malformed', async () => {
    const nul = await t.room('ListRooms', { names: null }, { roomList: true });
    expect(nul.status).toBe(200);
    const room = uniqueRoom('both');
    const both = await t.room(
      'MutePublishedTrack',
      { room, identity: 'x', trackSid: 'TR_x', track_sid: 'TR_x', muted: true },
      { roomAdmin: true, room },
    );
    expectTwirpError(both, 400, 'malformed', 'the json request could not be decoded');
  });

  // Needs a published track, which only the stand-in's control API can provide.
  it.skipIf(isRealServer)(
    '§7.9 MutePublishedTrack accepts trackSid and track_sid; responses use snake_case keys',
    async () => {
      const room = uniqueRoom('keys');
      const alice = await t.control.join(room, 'alice', { tracks: [CAM] });
      const sid = alice.tracks[0]?.sid;
      expect(sid).toMatch(/^TR_/);
      const grant = { roomAdmin: true, room };
      for (const key of ['trackSid', 'track_sid']) {
        const res = await t.room(
          'MutePublishedTrack',
          { room, identity: 'alice', [key]: sid, muted: true },
          grant,
        );
        expect(res.status).toBe(200);
        const track = res.json.track as Record<string, unknown>;
        expect(track.sid).toBe(sid);
        expect(track.muted).toBe(true);
        expect(track).toHaveProperty('mime_type');
        expect(track).not.toHaveProperty('mimeType');
        expect(track).toHaveProperty('disable_dtx');
      }
    },
  );

  it('§7.10 CreateRoom response: int64 as digit strings, numbers, version null, metadata ""', async () => {
    const name = uniqueRoom('enc');
    const res = await t.room('CreateRoom', { name }, { roomCreate: true });
    expect(res.status).toBe(200);
    const room = res.json;
    expect(room.creation_time).toMatch(/^\d+$/);
    expect(room.creation_time_ms).toMatch(/^\d+$/);
    expect(typeof room.empty_timeout).toBe('number');
    expect(room.version).toBeNull();
    expect(room.metadata).toBe('');
    // EmitUnpopulated: every Room field is present, zero values included.
    for (const key of [
      'sid',
      'name',
      'empty_timeout',
      'departure_timeout',
      'max_participants',
      'turn_password',
      'enabled_codecs',
      'num_participants',
      'num_publishers',
      'active_recording',
    ]) {
      expect(room).toHaveProperty(key);
    }
    expect(room.num_participants).toBe(0);
    expect(room.active_recording).toBe(false);
    expect(room).not.toHaveProperty('emptyTimeout');
    const codec = (room.enabled_codecs as Record<string, unknown>[])[0];
    expect(codec).toHaveProperty('fmtp_line', '');
  });

  it('§7.10 (§1.3) requests accept camelCase and snake_case keys and int64 numbers or strings', async () => {
    const a = uniqueRoom('camel');
    const b = uniqueRoom('snake');
    const camel = await t.room('CreateRoom', { name: a, emptyTimeout: 61 }, { roomCreate: true });
    const snake = await t.room(
      'CreateRoom',
      { name: b, empty_timeout: 62, departure_timeout: 7 },
      { roomCreate: true },
    );
    expect(camel.json.empty_timeout).toBe(61);
    expect(snake.json.empty_timeout).toBe(62);
    expect(snake.json.departure_timeout).toBe(7);
  });

  it('§7.11 protobuf request → 200 application/protobuf that decodes with @livekit/protocol', async () => {
    const name = uniqueRoom('pb');
    const created = await t.room(
      'CreateRoom',
      new CreateRoomRequest({ name, emptyTimeout: 77 }).toBinary(),
      { roomCreate: true },
      { contentType: 'application/protobuf' },
    );
    expect(created.status).toBe(200);
    expect(created.contentType).toBe('application/protobuf');
    const room = Room.fromBinary(created.bytes);
    expect(room.name).toBe(name);
    expect(room.emptyTimeout).toBe(77);
    expect(room.sid).toMatch(/^RM_/);

    const listed = await t.room(
      'ListRooms',
      new ListRoomsRequest({ names: [name] }).toBinary(),
      { roomList: true },
      { contentType: 'application/protobuf' },
    );
    expect(listed.contentType).toBe('application/protobuf');
    const rooms = ListRoomsResponse.fromBinary(listed.bytes).rooms;
    expect(rooms.map((r) => r.sid)).toEqual([room.sid]);
  });

  it('§7.11 an error in a protobuf call still answers with a JSON body', async () => {
    const res = await t.room(
      'DeleteRoom',
      new DeleteRoomRequest({ room: uniqueRoom('pbgone') }).toBinary(),
      { roomCreate: true },
      { contentType: 'application/protobuf' },
    );
    expectTwirpError(res, 404, 'not_found', 'twirp error unknown: requested room does not exist');
  });

  it('§7.11 (§1.1) an undecodable protobuf body → 400 malformed', async () => {
    const res = await t.room(
      'ListRooms',
      new Uint8Array([0xff, 0xff]),
      { roomList: true },
      {
        contentType: 'application/protobuf',
      },
    );
    expectTwirpError(res, 400, 'malformed', 'the protobuf request could not be decoded');
  });

  it('§7.12 //twirp/livekit.RoomService/ListRooms behaves like the single-slash path', async () => {
    const token = await t.token({ roomList: true });
    const res = await t.fetch(`/${LIST_ROOMS}`, { body: '{}', token });
    expect(res.status).toBe(200);
    expect(Array.isArray(res.json.rooms)).toBe(true);
  });

  it('§7.13 a declared Content-Length above 10 MiB → 413 plain "request body too large"', async () => {
    const token = await t.token({ roomList: true });
    const res = await postDeclaringLength(t.url + LIST_ROOMS, 10 * 1024 * 1024 + 1, {
      'Content-Type': 'application/json',
      Authorization: `Bearer ${token}`,
    });
    expect(res.status).toBe(413);
    expect(res.contentType ?? '').toMatch(/^text\/plain/);
    expect(res.text.replace(/\n$/, '')).toBe('request body too large');
  });

  it('§7.14 every Twirp error is application/json with keys code, msg and meta only if non-empty', async () => {
    const admin = { roomAdmin: true, room: 'x' };
    const cases = [
      await t.room('Nope', '{}', { roomList: true }),
      await t.room('ListRooms', '', { roomList: true }),
      await t.room('DeleteRoom', { room: uniqueRoom('none') }, { roomCreate: true }),
      await t.room('ListRooms', '{}', admin),
      await t.twirp('RoomService', 'ListRooms', {}, { token: null }),
    ];
    const shapes = cases.map((res) => ({
      status: res.status,
      contentType: res.contentType,
      keys: Object.keys(res.json).sort(),
    }));
    expect(shapes).toEqual([
      { status: 404, contentType: 'application/json', keys: ['code', 'meta', 'msg'] },
      { status: 400, contentType: 'application/json', keys: ['code', 'msg'] },
      { status: 404, contentType: 'application/json', keys: ['code', 'msg'] },
      { status: 401, contentType: 'application/json', keys: ['code', 'msg'] },
      { status: 401, contentType: 'application/json', keys: ['code', 'msg'] },
    ]);
  });

  it('§7.14 the SDK surfaces code and msg because the error content type is exact', async () => {
    await expect(t.rooms.deleteRoom(uniqueRoom('sdkgone'))).rejects.toMatchObject({
      status: 404,
      code: 'not_found',
      message: 'twirp error unknown: requested room does not exist',
    });
  });
});

// A custom body limit is a stand-in option; the real server's is configured in its YAML.
describe.skipIf(isRealServer)('transport with a small body limit (stand-in maxBodyBytes)', () => {
  const small = setupTarget({ maxBodyBytes: 1024 });

  it('§7.13 a declared Content-Length above the limit → 413 plain "request body too large"', async () => {
    const token = await small.token({ roomList: true });
    const res = await postDeclaringLength(small.url + LIST_ROOMS, 1025, {
      'Content-Type': 'application/json',
      Authorization: `Bearer ${token}`,
    });
    expect(res.status).toBe(413);
    expect(res.text.replace(/\n$/, '')).toBe('request body too large');
  });

  it('§7.13 (§1.1) a body that overruns the limit without an honest length → 400 malformed', async () => {
    const token = await small.token({ roomList: true });
    const names = Array.from({ length: 200 }, (_, i) => `room-${i}`);
    const body = new TextEncoder().encode(JSON.stringify({ names }));
    expect(body.length).toBeGreaterThan(1024);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(body);
        controller.close();
      },
    });
    const res = await fetch(small.url + LIST_ROOMS, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(((await res.json()) as { code: string }).code).toBe('malformed');
  });
});
