import { request as playwrightRequest, type APIRequestContext } from '@playwright/test';

import { expect, test, uniqueSuffix, type LiveKitSeeder } from '../fixtures';
import { auditEvents, Standin } from '../moderation/support';
import { callOperation } from '../support/openapi';
import { E2E } from '../support/ports';

/**
 * The portal endpoints (docs/rest-api.md) as a portal's backend calls them: API keys from the
 * admin's /api/v1/api-keys, cookie-less requests, every status and body of the contract, and each
 * outcome checked in the stand-in. The dashboard runs with AUTH_REQUIRED on (the default) and
 * MODERATO_API_KEY_RATE=40/min (playwright.config.ts); AUTH_REQUIRED=false is covered by
 * lib/http/portal-door.test.ts.
 */

const BASE_URL = `http://127.0.0.1:${E2E.dashboardPort}`;
/** The same endpoints on the dashboard's API port (MODERATO_API_PORT, playwright.config.ts). */
const API_PORT_URL = `http://127.0.0.1:${E2E.dashboardApiPort}`;
const standin = new Standin(`http://127.0.0.1:${E2E.livekitPort}`);
const RATE = 40;
const ACME = '{"auth_id":"acme"}';
const GLOBEX = '{"auth_id":"globex"}';

test.use({ account: 'admin', extraHTTPHeaders: { origin: BASE_URL } });

interface Answer {
  status: number;
  headers: Record<string, string>;
  text: string;
  body: unknown;
}

/** A request as a portal's backend sends it: no cookies, the key in the header or the query. */
async function portalCall(
  method: 'POST' | 'DELETE',
  body: unknown,
  options: { key?: string; query?: string; raw?: string; path?: string; baseURL?: string } = {},
): Promise<Answer> {
  const ctx = await playwrightRequest.newContext({
    baseURL: options.baseURL ?? BASE_URL,
    storageState: { cookies: [], origins: [] },
  });
  try {
    const path =
      options.path ?? (method === 'POST' ? '/livekit/participant/mute' : '/livekit/participant');
    const res = await ctx.fetch(`${path}${options.query ?? ''}`, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(options.key ? { authorization: `Bearer ${options.key}` } : {}),
      },
      data: options.raw ?? JSON.stringify(body),
      maxRedirects: 0,
    });
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    return { status: res.status(), headers: res.headers(), text, body: parsed };
  } finally {
    await ctx.dispose();
  }
}

const mute = (body: unknown, options?: Parameters<typeof portalCall>[2]) =>
  portalCall('POST', body, options);
const remove = (body: unknown, options?: Parameters<typeof portalCall>[2]) =>
  portalCall('DELETE', body, options);

/** A GET on /api/v1 with a key and no cookies. */
async function apiGet(path: string, key: string): Promise<Answer> {
  const ctx = await playwrightRequest.newContext({
    baseURL: BASE_URL,
    storageState: { cookies: [], origins: [] },
    extraHTTPHeaders: { authorization: `Bearer ${key}` },
  });
  try {
    const res = await ctx.get(path);
    const text = await res.text();
    return { status: res.status(), headers: res.headers(), text, body: JSON.parse(text) };
  } finally {
    await ctx.dispose();
  }
}

/** Creates a key through the admin's REST API; answers the key and its name. */
async function newKey(
  request: APIRequestContext,
  scope: { role?: string; tenant?: string | null; rooms?: string[] } = {},
): Promise<{ key: string; name: string; id: string }> {
  const name = `portal-${uniqueSuffix()}`;
  const answer = await callOperation(request, 'createApiKey', {
    name,
    role: scope.role ?? 'moderator',
    tenant: scope.tenant === undefined ? 'acme' : scope.tenant,
    ...(scope.rooms ? { rooms: scope.rooms } : {}),
  });
  expect(answer.status, answer.text).toBe(201);
  const { key, apiKey } = answer.body as { key: string; apiKey: { id: string } };
  return { key, name, id: apiKey.id };
}

/** A room with alice (microphone) and bob (microphone); answers its name and alice's mic sid. */
async function seedRoom(livekit: LiveKitSeeder, suffix: string, metadata = ACME) {
  const name = await livekit.seedRoom(
    livekit.roomName(suffix),
    [
      { identity: 'alice', tracks: [{ type: 'AUDIO', source: 'MICROPHONE' }] },
      { identity: 'bob', tracks: [{ type: 'AUDIO', source: 'MICROPHONE' }] },
    ],
    { metadata },
  );
  return { name, mic: (await standin.track(name, 'alice', 'MICROPHONE')).sid };
}

async function identities(roomName: string): Promise<string[]> {
  const room = await standin.room(roomName);
  return (room?.participants ?? []).map((p) => p.identity).sort();
}

function expectError(answer: Answer, status: number, code: string) {
  expect(answer.status, answer.text).toBe(status);
  expect(answer.headers['content-type']).toContain('application/json');
  expect(answer.body).toEqual({
    error: expect.objectContaining({ code, message: expect.any(String) }),
  });
  expect(answer.text, 'no stack trace').not.toMatch(/\n\s+at |\\n\s+at /);
}

test.describe('POST /livekit/participant/mute', () => {
  test('mutes the track and answers the contract’s body; audited with the key’s name, source api', async ({
    request,
    livekit,
  }) => {
    const room = await seedRoom(livekit, 'mute');
    const { key, name } = await newKey(request);
    const body = {
      room_name: room.name,
      participant_identity: 'alice',
      track_sid: room.mic,
      muted: true,
    };
    const answer = await mute(body, { key });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.headers['content-type']).toContain('application/json');
    expect(answer.body).toEqual(body);
    expect((await standin.track(room.name, 'alice', 'MICROPHONE')).muted).toBe(true);

    const audit = await callOperation(request, 'listAuditEvents', {
      roomName: room.name,
      limit: 5,
    });
    expect((audit.body as { events: unknown[] }).events).toEqual([
      expect.objectContaining({
        action: 'track.muted',
        outcome: 'success',
        actorName: name,
        source: 'api',
        role: 'moderator',
        tenant: 'acme',
        identity: 'alice',
        trackSid: room.mic,
      }),
    ]);
  });

  test('unmuting that LiveKit refuses is a 500 without LiveKit’s message', async ({
    request,
    livekit,
  }) => {
    const room = await seedRoom(livekit, 'unmute');
    await standin.selfMute(room.name, 'alice', room.mic, true);
    const { key } = await newKey(request);
    // The stand-in, like LiveKit by default, refuses remote unmute (docs/livekit-behaviour.md §3.7).
    const answer = await mute(
      { room_name: room.name, participant_identity: 'alice', track_sid: room.mic, muted: false },
      { key },
    );
    expectError(answer, 500, 'internal');
    expect(answer.text).not.toContain('remote unmute not enabled');
    expect((await standin.track(room.name, 'alice', 'MICROPHONE')).muted).toBe(true);
  });

  test('takes the key as ?api_key= too', async ({ request, livekit }) => {
    const room = await seedRoom(livekit, 'query key');
    const { key } = await newKey(request);
    const body = {
      room_name: room.name,
      participant_identity: 'alice',
      track_sid: room.mic,
      muted: true,
    };
    const answer = await mute(body, { query: `?api_key=${encodeURIComponent(key)}` });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body).toEqual(body);
    expect((await standin.track(room.name, 'alice', 'MICROPHONE')).muted).toBe(true);
  });

  test('400 for malformed JSON and for empty or missing fields; nothing changes', async ({
    request,
    livekit,
  }) => {
    const room = await seedRoom(livekit, 'bad mute');
    const { key } = await newKey(request);
    const valid = {
      room_name: room.name,
      participant_identity: 'alice',
      track_sid: room.mic,
      muted: true,
    };
    const answers = await Promise.all([
      mute(null, { key, raw: '{"room_name": "x",' }),
      mute(null, { key, raw: '' }),
      mute({ ...valid, room_name: '' }, { key }),
      mute({ ...valid, participant_identity: '' }, { key }),
      mute({ ...valid, track_sid: '' }, { key }),
      mute({ ...valid, muted: 'yes' }, { key }),
      mute({ room_name: room.name, participant_identity: 'alice', track_sid: room.mic }, { key }),
    ]);
    for (const answer of answers) expectError(answer, 400, 'invalid_input');
    expect(answers.slice(2, 5).map((a) => Object.keys(fieldErrors(a)))).toEqual([
      ['room_name'],
      ['participant_identity'],
      ['track_sid'],
    ]);
    expect(Object.keys(fieldErrors(answers[6]!))).toEqual(['muted']);
    expect((await standin.track(room.name, 'alice', 'MICROPHONE')).muted).toBe(false);
  });

  test('a viewer key is refused (403) and the attempt is audited as denied', async ({
    request,
    livekit,
    baseURL,
    loginAs,
  }) => {
    const room = await seedRoom(livekit, 'viewer');
    const { key } = await newKey(request, { role: 'viewer' });
    const answer = await mute(
      { room_name: room.name, participant_identity: 'alice', track_sid: room.mic, muted: true },
      { key },
    );
    expectError(answer, 403, 'forbidden');
    expect((await standin.track(room.name, 'alice', 'MICROPHONE')).muted).toBe(false);
    const denied = await auditEvents(baseURL!, await loginAs('admin'), {
      roomName: room.name,
      outcome: 'denied',
    });
    expect(denied).toEqual([
      expect.objectContaining({ action: 'track.muted', role: 'viewer', errorCode: 'forbidden' }),
    ]);
  });
});

function fieldErrors(answer: Answer): Record<string, string[]> {
  return (answer.body as { error: { fieldErrors?: Record<string, string[]> } }).error.fieldErrors!;
}

test.describe('DELETE /livekit/participant', () => {
  test('removes the participant and answers the contract’s body', async ({ request, livekit }) => {
    const room = await seedRoom(livekit, 'remove');
    const { key } = await newKey(request);
    const answer = await remove({ room_name: room.name, participant_identity: 'bob' }, { key });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body).toEqual({
      status: 'removed',
      room_name: room.name,
      participant_identity: 'bob',
    });
    expect(await identities(room.name)).toEqual(['alice']);
  });

  test('400 for malformed JSON and for an empty room name or identity; nothing changes', async ({
    request,
    livekit,
  }) => {
    const room = await seedRoom(livekit, 'bad remove');
    const { key } = await newKey(request);
    const answers = await Promise.all([
      remove(null, { key, raw: 'not json' }),
      remove({ room_name: '', participant_identity: 'bob' }, { key }),
      remove({ room_name: room.name, participant_identity: '' }, { key }),
      remove({ room_name: room.name }, { key }),
    ]);
    for (const answer of answers) expectError(answer, 400, 'invalid_input');
    expect(await identities(room.name)).toEqual(['alice', 'bob']);
  });
});

test.describe('keys and scope', () => {
  test('401 without a key, with an unknown key and with a revoked one, on both doors', async ({
    request,
    livekit,
  }) => {
    const room = await seedRoom(livekit, 'unauthenticated');
    const { key, id } = await newKey(request);
    const revoked = await callOperation(request, 'revokeApiKey', { keyId: id });
    expect(revoked.status, revoked.text).toBe(200);
    const body = { room_name: room.name, participant_identity: 'bob' };
    const unknown = `mdk_${'A'.repeat(43)}`;
    const answers = [
      await remove(body),
      await remove(body, { key: unknown }),
      await remove(body, { key }),
      await remove(body, { query: `?api_key=${key}` }),
      await mute({ ...body, track_sid: room.mic, muted: true }, { key }),
    ];
    for (const answer of answers) {
      expectError(answer, 401, 'unauthenticated');
      expect(answer.headers['www-authenticate']).toBe('Bearer');
    }
    expectError(await apiGet('/api/v1/rooms', key), 401, 'unauthenticated');
    expectError(await apiGet('/api/v1/rooms', unknown), 401, 'unauthenticated');
    expect(await identities(room.name)).toEqual(['alice', 'bob']);
  });

  test('another tenant’s room is 404, byte for byte the body of a missing room or participant', async ({
    request,
    livekit,
  }) => {
    const foreign = await seedRoom(livekit, 'globex', GLOBEX);
    const own = await seedRoom(livekit, 'acme');
    const { key } = await newKey(request, { tenant: 'acme' });
    const missingRoom = livekit.roomName('never-created');

    const removals = [
      await remove({ room_name: foreign.name, participant_identity: 'bob' }, { key }),
      await remove({ room_name: missingRoom, participant_identity: 'bob' }, { key }),
      await remove({ room_name: own.name, participant_identity: 'ghost' }, { key }),
    ];
    const mutes = [
      await mute(
        {
          room_name: foreign.name,
          participant_identity: 'alice',
          track_sid: foreign.mic,
          muted: true,
        },
        { key },
      ),
      await mute(
        {
          room_name: missingRoom,
          participant_identity: 'alice',
          track_sid: foreign.mic,
          muted: true,
        },
        { key },
      ),
      await mute(
        { room_name: own.name, participant_identity: 'ghost', track_sid: foreign.mic, muted: true },
        { key },
      ),
      await mute(
        { room_name: own.name, participant_identity: 'alice', track_sid: 'TR_ghost', muted: true },
        { key },
      ),
    ];
    for (const answer of [...removals, ...mutes]) expectError(answer, 404, 'not_found');
    // The names are the only difference: swap them back and the bytes are the same.
    const named = (answer: Answer, names: Record<string, string>) =>
      Object.entries(names).reduce((text, [from, to]) => text.split(from).join(to), answer.text);
    const masked = named(removals[0]!, { [foreign.name]: 'ROOM' });
    expect(named(removals[1]!, { [missingRoom]: 'ROOM' })).toBe(masked);
    expect(named(removals[2]!, { [own.name]: 'ROOM', ghost: 'bob' })).toBe(masked);
    const maskedMute = named(mutes[0]!, { [foreign.name]: 'ROOM' });
    expect(named(mutes[1]!, { [missingRoom]: 'ROOM' })).toBe(maskedMute);
    expect(named(mutes[2]!, { [own.name]: 'ROOM', ghost: 'alice' })).toBe(maskedMute);
    expect(named(mutes[3]!, { [own.name]: 'ROOM', TR_ghost: foreign.mic })).toBe(maskedMute);

    expect(await identities(foreign.name)).toEqual(['alice', 'bob']);
    expect((await standin.track(foreign.name, 'alice', 'MICROPHONE')).muted).toBe(false);
  });

  test('a room-scoped key acts on its rooms only, through both doors', async ({
    request,
    livekit,
  }) => {
    const inScope = await seedRoom(livekit, 'scoped in');
    const outOfScope = await seedRoom(livekit, 'scoped out');
    const { key } = await newKey(request, { tenant: null, rooms: [inScope.name] });

    const refused = await remove(
      { room_name: outOfScope.name, participant_identity: 'bob' },
      { key },
    );
    expectError(refused, 404, 'not_found');
    const done = await remove({ room_name: inScope.name, participant_identity: 'bob' }, { key });
    expect(done.status, done.text).toBe(200);
    expect(await identities(outOfScope.name)).toEqual(['alice', 'bob']);
    expect(await identities(inScope.name)).toEqual(['alice']);

    const rooms = await apiGet('/api/v1/rooms', key);
    expect(rooms.status).toBe(200);
    expect((rooms.body as { rooms: { name: string }[] }).rooms.map((r) => r.name)).toEqual([
      inScope.name,
    ]);
    const other = await apiGet(`/api/v1/rooms/${encodeURIComponent(outOfScope.name)}`, key);
    expectError(other, 404, 'not_found');
  });

  test('/api/v1 takes a key within its role and tenant; keys never manage keys', async ({
    request,
    livekit,
  }) => {
    const acmeRoom = await seedRoom(livekit, 'v1 acme');
    const globexRoom = await seedRoom(livekit, 'v1 globex', GLOBEX);
    const { key } = await newKey(request, { role: 'admin', tenant: 'acme' });
    const rooms = await apiGet('/api/v1/rooms', key);
    expect(rooms.status, rooms.text).toBe(200);
    const names = (rooms.body as { rooms: { name: string; tenant: string | null }[] }).rooms;
    expect(names.map((r) => r.name)).toContain(acmeRoom.name);
    expect(names.map((r) => r.name)).not.toContain(globexRoom.name);
    expect(names.every((r) => r.tenant === 'acme')).toBe(true);
    expectError(await apiGet('/api/v1/api-keys', key), 403, 'forbidden');
    // The query form is only for the portal endpoints.
    const ctx = await playwrightRequest.newContext({
      baseURL: BASE_URL,
      storageState: { cookies: [], origins: [] },
    });
    try {
      const res = await ctx.get(`/api/v1/rooms?api_key=${encodeURIComponent(key)}`);
      expect(res.status()).toBe(401);
    } finally {
      await ctx.dispose();
    }
  });

  test(`past ${RATE} requests a minute a key gets 429 with Retry-After; other keys do not`, async ({
    request,
  }) => {
    const { key } = await newKey(request);
    const other = await newKey(request);
    // Cheap calls: authenticated (and counted) first, then refused for their empty body.
    const statuses: number[] = [];
    for (let i = 0; i < RATE; i += 8) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(8, RATE - i) }, () => remove({}, { key })),
      );
      statuses.push(...batch.map((a) => a.status));
    }
    expect(statuses.filter((s) => s === 400)).toHaveLength(RATE);
    const limited = await remove({}, { key });
    expectError(limited, 429, 'rate_limited');
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expectError(await apiGet('/api/v1/rooms', key), 429, 'rate_limited');
    expectError(await remove({}, { key: other.key }), 400, 'invalid_input');
  });

  test('the admin’s list shows when a key was last used', async ({ request, livekit }) => {
    const room = await seedRoom(livekit, 'last used');
    const { key, id } = await newKey(request);
    const listed = async () =>
      (
        (await callOperation(request, 'listApiKeys', {})).body as {
          apiKeys: { id: string; lastUsedAtMs: number | null }[];
        }
      ).apiKeys.find((k) => k.id === id);
    expect((await listed())?.lastUsedAtMs).toBeNull();
    const done = await remove({ room_name: room.name, participant_identity: 'bob' }, { key });
    expect(done.status).toBe(200);
    await expect.poll(async () => (await listed())?.lastUsedAtMs).toEqual(expect.any(Number));
  });
});

test.describe('the API port (MODERATO_API_PORT)', () => {
  const viaPort = { baseURL: API_PORT_URL };

  test('mutes and removes as the routes do, audited the same way', async ({ request, livekit }) => {
    const room = await seedRoom(livekit, 'api port');
    const { key, name } = await newKey(request);
    const body = {
      room_name: room.name,
      participant_identity: 'alice',
      track_sid: room.mic,
      muted: true,
    };
    const muted = await mute(body, { key, ...viaPort });
    expect(muted.status, muted.text).toBe(200);
    expect(muted.headers['content-type']).toContain('application/json');
    expect(muted.headers['cache-control']).toBe('no-store');
    expect(muted.body).toEqual(body);
    expect((await standin.track(room.name, 'alice', 'MICROPHONE')).muted).toBe(true);

    const removed = await remove(
      { room_name: room.name, participant_identity: 'bob' },
      { query: `?api_key=${key}`, ...viaPort },
    );
    expect(removed.status, removed.text).toBe(200);
    expect(removed.body).toEqual({
      status: 'removed',
      room_name: room.name,
      participant_identity: 'bob',
    });
    expect(await identities(room.name)).toEqual(['alice']);

    const audit = await callOperation(request, 'listAuditEvents', {
      roomName: room.name,
      limit: 5,
    });
    expect((audit.body as { events: unknown[] }).events).toEqual([
      expect.objectContaining({ action: 'participant.removed', actorName: name, source: 'api' }),
      expect.objectContaining({ action: 'track.muted', actorName: name, source: 'api' }),
    ]);
  });

  test('refuses byte for byte as the routes do: no key, bad JSON, another tenant’s room', async ({
    request,
    livekit,
  }) => {
    const room = await seedRoom(livekit, 'api port refusals', GLOBEX);
    const { key } = await newKey(request);
    const foreign = { room_name: room.name, participant_identity: 'bob' };
    const cases: [string, Parameters<typeof portalCall>[2], unknown][] = [
      ['no key', {}, foreign],
      ['malformed JSON', { key, raw: '{"room_name":' }, undefined],
      ['another tenant’s room', { key }, foreign],
    ];
    for (const [what, options, body] of cases) {
      const route = await remove(body, options);
      const port = await remove(body, { ...options, ...viaPort });
      expect(port.status, what).toBe(route.status);
      expect(port.text, what).toBe(route.text);
      expect(port.headers['www-authenticate'], what).toBe(route.headers['www-authenticate']);
    }
    expect(await identities(room.name)).toEqual(['alice', 'bob']);
  });

  test('serves the portal endpoints only', async () => {
    const other = await portalCall('POST', {}, { path: '/api/v1/rooms', ...viaPort });
    expectError(other, 404, 'not_found');
    const wrongMethod = await portalCall(
      'DELETE',
      {},
      { path: '/livekit/participant/mute', ...viaPort },
    );
    expectError(wrongMethod, 405, 'method_not_allowed');
    expect(wrongMethod.headers.allow).toBe('POST');
  });
});
