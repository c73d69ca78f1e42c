import { describe, expect, it } from 'vitest';
import { generateKeyPair, SignJWT, type JWTPayload } from 'jose';
import { RoomServiceClient } from 'livekit-server-sdk';
import {
  expectPlainError,
  expectTwirpError,
  uniqueRoom,
  setupTarget,
  type RawResponse,
} from './harness';

const t = setupTarget();
const LIST_ROOMS = '/twirp/livekit.RoomService/ListRooms';
const now = () => Math.floor(Date.now() / 1000);

interface Craft {
  iss?: string;
  secret?: string;
  nbf?: number;
  exp?: number | null;
}

/** Hand-built HS256 JWT with a roomList grant; `exp: null` leaves exp out. */
async function craft(c: Craft = {}): Promise<string> {
  const payload: JWTPayload = { video: { roomList: true } };
  payload.iss = c.iss ?? t.apiKey;
  payload.nbf = c.nbf ?? now();
  if (c.exp !== null) payload.exp = c.exp ?? now() + 600;
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'HS256' })
    .sign(new TextEncoder().encode(c.secret ?? t.apiSecret));
}

const listRoomsWith = (authorization: string): Promise<RawResponse> =>
  t.fetch(LIST_ROOMS, { body: '{}', authorization });

describe('auth', () => {
  it('§7.15 no Authorization header and no access_token → Twirp JSON 401 "permissions denied"', async () => {
    const res = await t.fetch(LIST_ROOMS, { body: '{}' });
    expectTwirpError(res, 401, 'unauthenticated', 'permissions denied');
  });

  it('§7.16 `Basic abc` → plain 401 "invalid authorization header. Must start with Bearer "', async () => {
    expectPlainError(
      await listRoomsWith('Basic abc'),
      401,
      'invalid authorization header. Must start with Bearer ',
    );
  });

  it('§7.16 lower-case `bearer <valid jwt>` is rejected the same way', async () => {
    expectPlainError(
      await listRoomsWith(`bearer ${await craft()}`),
      401,
      'invalid authorization header. Must start with Bearer ',
    );
  });

  it('§7.17 `Bearer not-a-jwt` → plain 401 "invalid authorization token"', async () => {
    expectPlainError(await listRoomsWith('Bearer not-a-jwt'), 401, 'invalid authorization token');
  });

  it('§7.18 a token whose iss is not a configured key → plain 401 "invalid API key"', async () => {
    const token = await craft({ iss: 'APInosuchkey' });
    expectPlainError(await listRoomsWith(`Bearer ${token}`), 401, 'invalid API key');
  });

  it('§7.19 a token signed with the wrong secret → plain 401 "signature is invalid"', async () => {
    const token = await craft({ secret: 'definitely-not-the-secret' });
    expectPlainError(
      await listRoomsWith(`Bearer ${token}`),
      401,
      'invalid authorization token: token signature is invalid: signature is invalid',
    );
  });

  it('§7.19 the SDK reports a plain-text 401 with the raw text as message and no code', async () => {
    const client = new RoomServiceClient(t.url, t.apiKey, 'definitely-not-the-secret');
    const err = await client.listRooms().then(
      () => undefined,
      (e: unknown) => e as { status?: number; code?: string; message?: string },
    );
    expect(err).toBeDefined();
    expect(err?.status).toBe(401);
    expect(err?.code).toBeUndefined();
    expect(err?.message?.replace(/\n$/, '')).toBe(
      'invalid authorization token: token signature is invalid: signature is invalid',
    );
  });

  it('§7.19 (§2.2) an RS256-signed token for a known key → plain 401 "signing method RS256 is invalid"', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const token = await new SignJWT({ video: { roomList: true } })
      .setProtectedHeader({ alg: 'RS256' })
      .setIssuer(t.apiKey)
      .setNotBefore(now())
      .setExpirationTime(now() + 600)
      .sign(privateKey);
    expectPlainError(
      await listRoomsWith(`Bearer ${token}`),
      401,
      'invalid authorization token: token signature is invalid: signing method RS256 is invalid',
    );
  });

  it('§7.20 a token expired 5 minutes ago → plain 401 "token is expired"', async () => {
    const token = await craft({ nbf: now() - 900, exp: now() - 300 });
    expectPlainError(
      await listRoomsWith(`Bearer ${token}`),
      401,
      'invalid authorization token: token has invalid claims: token is expired',
    );
  });

  it('§7.20 a token expired 30 s ago is still accepted (60 s leeway)', async () => {
    const token = await craft({ nbf: now() - 600, exp: now() - 30 });
    const res = await listRoomsWith(`Bearer ${token}`);
    expect(res.status).toBe(200);
    expect(Array.isArray(res.json.rooms)).toBe(true);
  });

  it('§7.20 (§2.2) nbf 5 minutes in the future → plain 401 "token is not valid yet"; 30 s → accepted', async () => {
    const future = await craft({ nbf: now() + 300, exp: now() + 900 });
    expectPlainError(
      await listRoomsWith(`Bearer ${future}`),
      401,
      'invalid authorization token: token has invalid claims: token is not valid yet',
    );
    const nearFuture = await craft({ nbf: now() + 30, exp: now() + 900 });
    expect((await listRoomsWith(`Bearer ${nearFuture}`)).status).toBe(200);
  });

  it('§7.21 a token without exp → plain 401 "exp claim is required"', async () => {
    const token = await craft({ exp: null });
    expectPlainError(
      await listRoomsWith(`Bearer ${token}`),
      401,
      'invalid authorization token: token has invalid claims: token is missing required claim: exp claim is required',
    );
  });

  it('§7.22 a valid token passed only as ?access_token= is accepted', async () => {
    const token = await craft();
    const res = await t.fetch(`${LIST_ROOMS}?access_token=${encodeURIComponent(token)}`, {
      body: '{}',
    });
    expect(res.status).toBe(200);
    expect(Array.isArray(res.json.rooms)).toBe(true);
  });

  it('§7.22 an invalid ?access_token= is validated like a header token', async () => {
    const res = await t.fetch(`${LIST_ROOMS}?access_token=not-a-jwt`, { body: '{}' });
    expectPlainError(res, 401, 'invalid authorization token');
  });

  it('§7.23 a roomList-only token calling CreateRoom → 401 unauthenticated (not 403)', async () => {
    const res = await t.room('CreateRoom', { name: uniqueRoom('deny') }, { roomList: true });
    expectTwirpError(res, 401, 'unauthenticated', 'permissions denied');
  });

  it('§7.23 (§2.3) a token without any video grant calling ListRooms → 401 "permissions denied"', async () => {
    const token = await t.token(undefined, { identity: 'nobody' });
    const res = await t.twirp('RoomService', 'ListRooms', {}, { token });
    expectTwirpError(res, 401, 'unauthenticated', 'permissions denied');
  });

  it('§7.24 roomAdmin for room a calling ListParticipants for room b → 401', async () => {
    const a = uniqueRoom('a');
    const res = await t.room(
      'ListParticipants',
      { room: uniqueRoom('b') },
      {
        roomAdmin: true,
        room: a,
      },
    );
    expectTwirpError(res, 401, 'unauthenticated', 'permissions denied');
    const same = await t.room('ListParticipants', { room: a }, { roomAdmin: true, room: a });
    expect(same.status).toBe(200);
  });

  it('§7.25 roomAdmin without a room calling GetParticipant → 401', async () => {
    const res = await t.room(
      'GetParticipant',
      { room: uniqueRoom('a'), identity: 'x' },
      {
        roomAdmin: true,
      },
    );
    expectTwirpError(res, 401, 'unauthenticated', 'permissions denied');
  });

  it('§7.26 DeleteRoom needs roomCreate: roomAdmin+room → 401, roomCreate → 200', async () => {
    const room = uniqueRoom('del');
    await t.rooms.createRoom({ name: room });
    const admin = await t.room('DeleteRoom', { room }, { roomAdmin: true, room });
    expectTwirpError(admin, 401, 'unauthenticated', 'permissions denied');
    expect((await t.rooms.listRooms([room])).length).toBe(1);
    const create = await t.room('DeleteRoom', { room }, { roomCreate: true });
    expect(create.status).toBe(200);
    expect(create.json).toEqual({});
  });

  it('§7.27 UpdateParticipant without a token but a 300-byte name → 400 (limits before auth)', async () => {
    const res = await t.twirp(
      'RoomService',
      'UpdateParticipant',
      { room: uniqueRoom('lim'), identity: 'x', name: 'n'.repeat(300) },
      { token: null },
    );
    const body = expectTwirpError(res, 400, 'invalid_argument', 'name length exceeds limits 256');
    expect(body.meta).toEqual({ argument: 'name length exceeds limits' });
  });

  it('§7.27 (§2.3) UpdateRoomMetadata without a token but oversize metadata → 400, not 401', async () => {
    const res = await t.twirp(
      'RoomService',
      'UpdateRoomMetadata',
      { room: uniqueRoom('lim'), metadata: 'm'.repeat(524289) },
      { token: null },
    );
    expectTwirpError(res, 400, 'invalid_argument', 'metadata size exceeds limits 524288');
  });

  it('§7.27 (§3.8) UpdateParticipant without a token but oversize metadata → 400, not 401', async () => {
    const res = await t.twirp(
      'RoomService',
      'UpdateParticipant',
      { room: uniqueRoom('lim'), identity: 'x', metadata: 'm'.repeat(524289) },
      { token: null },
    );
    const body = expectTwirpError(
      res,
      400,
      'invalid_argument',
      'metadata size exceeds limits 524288',
    );
    expect(body.meta).toEqual({ argument: 'metadata size exceeds limits' });
  });

  it('§7.28 MoveParticipant with roomAdmin for a but no destinationRoom claim → 401', async () => {
    const a = uniqueRoom('a');
    const res = await t.room(
      'MoveParticipant',
      { room: a, identity: 'x', destination_room: uniqueRoom('b') },
      { roomAdmin: true, room: a },
    );
    expectTwirpError(res, 401, 'unauthenticated', 'permissions denied');
  });

  it('§7.28 ForwardParticipant with a destinationRoom claim for another room → 401', async () => {
    const a = uniqueRoom('a');
    const res = await t.room(
      'ForwardParticipant',
      { room: a, identity: 'x', destination_room: uniqueRoom('b') },
      { roomAdmin: true, room: a, destinationRoom: uniqueRoom('c') },
    );
    expectTwirpError(res, 401, 'unauthenticated', 'permissions denied');
  });
});
