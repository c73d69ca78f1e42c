import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { generateApiKey } from '@/lib/auth/api-key-secret';
import { insertApiKey } from '@/lib/db/api-keys';
import { queryAuditEvents } from '@/lib/db/audit';
import { startTestLiveKit, uniqueRoom, type TestLiveKit } from '@/test/standin';

import { handlePortalRequest } from './portal-door';
import { PORTAL_MUTE, PORTAL_REMOVE } from './portal-endpoints';

// The portal endpoints in their backward-compatible mode (AUTH_REQUIRED=false), which the e2e
// dashboard does not run in: calls without a key are allowed on every room and audited as
// `anonymous`; a key that is sent still decides (tenant, rate limit). Read once, at first use.
process.env.AUTH_REQUIRED = 'false';
process.env.MODERATO_API_KEY_RATE = '3/min';

let lk: TestLiveKit;
let roomName: string;

function call(
  endpoint: typeof PORTAL_MUTE | typeof PORTAL_REMOVE,
  body: unknown,
  options: { key?: string; raw?: string } = {},
) {
  const request = new Request(`http://moderato.test${endpoint.path}`, {
    method: endpoint.method,
    headers: {
      'content-type': 'application/json',
      ...(options.key ? { authorization: `Bearer ${options.key}` } : {}),
    },
    body: options.raw ?? JSON.stringify(body),
  });
  return handlePortalRequest(endpoint as typeof PORTAL_MUTE, request);
}

async function micOf(identity: string) {
  const participant = await lk.rooms.getParticipant(roomName, identity);
  return participant.tracks.find((t) => t.source === 2 /* MICROPHONE */)!;
}

async function newKey(tenant: string | null): Promise<string> {
  const { key, hash, prefix } = generateApiKey();
  await insertApiKey({
    name: `door-${uniqueRoom('k')}`,
    hash,
    prefix,
    role: 'moderator',
    tenant,
    rooms: null,
    createdBy: 'test',
  });
  return key;
}

beforeAll(async () => {
  lk = await startTestLiveKit();
});
afterAll(async () => {
  await lk?.close();
});

beforeEach(async () => {
  roomName = uniqueRoom('acme');
  await lk.rooms.createRoom({ name: roomName, metadata: JSON.stringify({ auth_id: 'acme' }) });
  for (const identity of ['alice', 'bob']) {
    await lk.join({ room: roomName, identity, tracks: [{ type: 'AUDIO', source: 'MICROPHONE' }] });
  }
});

describe('portal endpoints with AUTH_REQUIRED=false', () => {
  it('mutes without a key, answers the contract’s body, and audits the call as anonymous', async () => {
    const mic = await micOf('alice');
    const body = {
      room_name: roomName,
      participant_identity: 'alice',
      track_sid: mic.sid,
      muted: true,
    };
    const res = await call(PORTAL_MUTE, body);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(body);
    expect((await micOf('alice')).muted).toBe(true);
    const [row] = (await queryAuditEvents({ roomName, action: 'track.muted' })).events;
    expect(row).toMatchObject({ actorName: 'anonymous', source: 'api', outcome: 'success' });
  });

  it('answers 404 for muting someone not in the room (LiveKit only stalls on it)', async () => {
    const mic = await micOf('alice');
    const res = await call(PORTAL_MUTE, {
      room_name: roomName,
      participant_identity: 'ghost',
      track_sid: mic.sid,
      muted: true,
    });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      error: {
        code: 'not_found',
        message: PORTAL_MUTE.notFound({
          room_name: roomName,
          participant_identity: 'ghost',
          track_sid: mic.sid,
          muted: true,
        }),
      },
    });
  });

  it('removes without a key', async () => {
    const res = await call(PORTAL_REMOVE, { room_name: roomName, participant_identity: 'bob' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      status: 'removed',
      room_name: roomName,
      participant_identity: 'bob',
    });
    const left = await lk.rooms.listParticipants(roomName);
    expect(left.map((p) => p.identity)).toEqual(['alice']);
  });

  it('still refuses a bad key, and still checks a key’s tenant (masked 404)', async () => {
    const body = { room_name: roomName, participant_identity: 'bob' };
    const bad = await call(PORTAL_REMOVE, body, { key: 'mdk_not-a-key' });
    expect(bad.status).toBe(401);
    expect(bad.headers.get('www-authenticate')).toBe('Bearer');

    const foreign = await call(PORTAL_REMOVE, body, { key: await newKey('globex') });
    expect(foreign.status).toBe(404);
    const masked = await foreign.text();
    // The same names on a room that does not exist at all: the same bytes.
    await lk.rooms.deleteRoom(roomName);
    const missing = await call(PORTAL_REMOVE, body, { key: await newKey(null) });
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe(masked);
    expect(masked).toContain(JSON.stringify(roomName).slice(1, -1));
  });

  it('answers 400 for malformed JSON and for empty or missing fields, before any call', async () => {
    const mic = await micOf('alice');
    const cases = await Promise.all([
      call(PORTAL_MUTE, null, { raw: '{"room_name": ' }),
      call(PORTAL_MUTE, {
        room_name: '',
        participant_identity: 'alice',
        track_sid: mic.sid,
        muted: true,
      }),
      call(PORTAL_MUTE, { room_name: roomName, participant_identity: 'alice', muted: true }),
      call(PORTAL_REMOVE, { room_name: roomName, participant_identity: '' }),
    ]);
    const bodies = await Promise.all(cases.map((r) => r.json()));
    expect(cases.map((r) => r.status)).toEqual([400, 400, 400, 400]);
    expect(bodies[1].error.fieldErrors).toEqual({ room_name: ['Room name is required'] });
    expect(bodies[2].error.fieldErrors).toEqual({ track_sid: ['track_sid is required'] });
    expect(bodies[3].error.fieldErrors).toHaveProperty('participant_identity');
    expect((await micOf('alice')).muted).toBe(false);
    expect((await lk.rooms.listParticipants(roomName)).length).toBe(2);
  });

  it('answers 429 with Retry-After past a key’s rate limit', async () => {
    const key = await newKey(null);
    const body = { room_name: '', participant_identity: 'x' };
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 4; i += 1) {
      last = await call(PORTAL_REMOVE, body, { key });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([400, 400, 400, 429]);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await last!.json()).error.code).toBe('rate_limited');
  });

  it('answers 500 without LiveKit’s or our configuration text when LiveKit is not configured', async () => {
    const saved = process.env.LIVEKIT_URL;
    process.env.LIVEKIT_URL = 'not a url';
    try {
      const res = await call(PORTAL_REMOVE, { room_name: roomName, participant_identity: 'bob' });
      expect(res.status).toBe(500);
      const text = await res.text();
      expect(JSON.parse(text)).toEqual({
        error: { code: 'internal', message: PORTAL_REMOVE.failed },
      });
      expect(text).not.toMatch(/LIVEKIT_URL|\n\s+at /);
    } finally {
      process.env.LIVEKIT_URL = saved;
    }
    expect((await lk.rooms.listParticipants(roomName)).length).toBe(2);
  });
});
