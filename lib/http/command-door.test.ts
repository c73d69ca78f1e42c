import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { decodeJwt } from 'jose';

import { startStandin } from '@moderato/livekit-standin';

import { generateApiKey } from '@/lib/auth/api-key-secret';
import { openTalkErrorSchema, openTalkEventSchema } from '@/lib/contracts/opentalk-livekit';
import { insertApiKey } from '@/lib/db/api-keys';
import { FORCE_MUTED_TOPIC } from '@/lib/schemas/protocol';
import { startTestLiveKit, uniqueRoom, type TestLiveKit } from '@/test/standin';

import { handleApiRequest } from './rest-door';

process.env.MODERATO_API_KEY_RATE = 'off';

// POST /api/v1/rooms/{roomName}/commands takes OpenTalk's commands verbatim and answers OpenTalk's
// events and errors; behind it are the same registry operations as everywhere else.
let lk: TestLiveKit;
let roomName: string;
const keys: Record<'moderator' | 'viewer', { key: string; id: string }> = {} as never;

async function command(body: unknown, role: 'moderator' | 'viewer' = 'moderator', room = roomName) {
  const response = await handleApiRequest(
    new Request(`http://moderato.test/api/v1/rooms/${encodeURIComponent(room)}/commands`, {
      method: 'POST',
      headers: { authorization: `Bearer ${keys[role].key}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
  );
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

beforeAll(async () => {
  lk = await startTestLiveKit();
  for (const role of ['moderator', 'viewer'] as const) {
    const { key, hash, prefix } = generateApiKey();
    const stored = await insertApiKey({
      name: `commands-${role}-${Date.now()}`,
      hash,
      prefix,
      role,
      tenant: null,
      rooms: null,
      createdBy: 'test',
    });
    keys[role] = { key, id: stored.id };
  }
});
afterAll(async () => {
  await lk?.close();
});

beforeEach(async () => {
  roomName = uniqueRoom('door');
  await lk.rooms.createRoom({ name: roomName });
  await lk.join({
    room: roomName,
    identity: '00000000-0000-0000-0000-000000000001',
    tracks: [
      { type: 'AUDIO', source: 'MICROPHONE' },
      { type: 'VIDEO', source: 'SCREEN_SHARE' },
    ],
  });
});

const ALICE = '00000000-0000-0000-0000-000000000001';

describe('OpenTalk commands endpoint', () => {
  it('force_mute answers force_muted with the moderator id, which the participant also got', async () => {
    const { status, body } = await command({ action: 'force_mute', participants: [ALICE] });
    const moderatorId = `moderato:key:${keys.moderator.id}`;
    expect(status).toBe(200);
    expect(body).toEqual({ message: 'force_muted', moderator: moderatorId });
    expect(openTalkEventSchema.parse(body)).toEqual(body);
    expect((await lk.control.track(roomName, ALICE, 'MICROPHONE')).muted).toBe(true);
    const [data] = await lk.control.receivedOf(roomName, ALICE, 'data');
    expect(data).toMatchObject({ topic: FORCE_MUTED_TOPIC });
    expect(JSON.parse(Buffer.from(data!.payload, 'base64').toString())).toEqual(body);
  });

  it('screen share commands answer screen_share_permissions_updated', async () => {
    const revoked = await command({
      action: 'revoke_screen_share_permission',
      participants: [ALICE],
    });
    expect(revoked).toEqual({
      status: 200,
      body: { message: 'screen_share_permissions_updated', grant: false, participants: [ALICE] },
    });
    expect((await lk.control.participant(roomName, ALICE))?.tracks.map((t) => t.source)).toEqual([
      'MICROPHONE',
    ]);
    const granted = await command({
      action: 'grant_screen_share_permission',
      participants: [ALICE],
    });
    expect(granted.body).toEqual({
      message: 'screen_share_permissions_updated',
      grant: true,
      participants: [ALICE],
    });
  });

  it('microphone restriction commands answer their events', async () => {
    const on = await command({
      action: 'enable_microphone_restrictions',
      unrestricted_participants: ['00000000-0000-0000-0000-000000000002'],
    });
    expect(on).toEqual({
      status: 200,
      body: {
        message: 'microphone_restrictions_enabled',
        unrestricted_participants: ['00000000-0000-0000-0000-000000000002'],
      },
    });
    const off = await command({ action: 'disable_microphone_restrictions' });
    expect(off).toEqual({ status: 200, body: { message: 'microphone_restrictions_disabled' } });
  });

  it('token commands answer credentials and popout_stream_access_token', async () => {
    const { body } = await command({ action: 'create_new_access_token' });
    expect(Object.keys(body).sort()).toEqual([
      'message',
      'public_url',
      'room',
      'service_url',
      'token',
    ]);
    expect(body).toMatchObject({
      message: 'credentials',
      room: roomName,
      public_url: lk.standin.url,
      service_url: lk.standin.url,
    });
    expect(decodeJwt(body.token as string).sub).toBe(`moderato:key:${keys.moderator.id}`);
    const popout = await command({ action: 'request_popout_stream_access_token' });
    expect(Object.keys(popout.body).sort()).toEqual(['message', 'token']);
    expect(popout.body.message).toBe('popout_stream_access_token');
    expect(decodeJwt(popout.body.token as string).video).toMatchObject({
      hidden: true,
      canPublish: false,
      canPublishData: false,
    });
  });

  it('a viewer gets insufficient_permissions and changes nothing', async () => {
    for (const body of [
      { action: 'force_mute', participants: [ALICE] },
      { action: 'enable_microphone_restrictions', unrestricted_participants: [] },
      { action: 'revoke_screen_share_permission', participants: [ALICE] },
      { action: 'create_new_access_token' },
      { action: 'request_popout_stream_access_token' },
    ]) {
      const answer = await command(body, 'viewer');
      expect(answer, body.action).toEqual({
        status: 403,
        body: { message: 'error', error: 'insufficient_permissions' },
      });
      expect(openTalkErrorSchema.parse(answer.body)).toEqual(answer.body);
    }
    const alice = await lk.control.participant(roomName, ALICE);
    expect(alice?.tracks.map((t) => [t.source, t.muted])).toEqual([
      ['MICROPHONE', false],
      ['SCREEN_SHARE', false],
    ]);
  });

  it('answers livekit_unavailable when LiveKit is down', async () => {
    const dead = await startStandin({ port: 0 });
    const url = process.env.LIVEKIT_URL;
    await dead.close();
    process.env.LIVEKIT_URL = dead.url;
    try {
      const answer = await command(
        { action: 'force_mute', participants: [ALICE] },
        'moderator',
        uniqueRoom('down'),
      );
      expect(answer).toEqual({
        status: 503,
        body: { message: 'error', error: 'livekit_unavailable' },
      });
    } finally {
      process.env.LIVEKIT_URL = url;
    }
  });

  it('refuses unknown actions, bad bodies, rooms it cannot see and other methods in the same envelope', async () => {
    expect(await command({ action: 'explode' })).toEqual({
      status: 400,
      body: { message: 'error', error: 'invalid_input' },
    });
    expect(await command({ action: 'force_mute' })).toMatchObject({ status: 400 });
    expect(
      await command({ action: 'force_mute', participants: [ALICE] }, 'moderator', 'no-such-room'),
    ).toEqual({
      status: 404,
      body: { message: 'error', error: 'not_found' },
    });
    const get = await handleApiRequest(
      new Request(`http://moderato.test/api/v1/rooms/${roomName}/commands`, {
        headers: { authorization: `Bearer ${keys.moderator.key}` },
      }),
    );
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    expect(await get.json()).toEqual({ message: 'error', error: 'method_not_allowed' });
  });
});
