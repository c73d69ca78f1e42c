import { expect, test } from '../fixtures';
import { expectResponseMatches } from '../support/openapi';

function expectErrorBody(body: unknown, code: string) {
  expect(body).toEqual({
    error: expect.objectContaining({ code, message: expect.any(String) }),
  });
  const message = (body as { error: { message: string } }).error.message;
  expect(message).not.toMatch(/\n\s+at /); // no stack trace
}

test.describe('REST /api/v1/rooms', () => {
  test.describe('signed out', () => {
    test.use({ account: null });

    test('GET /api/v1/rooms – 401 without a session', async ({ request }) => {
      const res = await request.get('/api/v1/rooms');
      expect(res.status()).toBe(401);
      expectErrorBody(await res.json(), 'unauthenticated');
    });

    test('GET /api/v1/livekit/status – 401 without a session', async ({ request }) => {
      const res = await request.get('/api/v1/livekit/status');
      expect(res.status()).toBe(401);
    });
  });

  test('GET /api/v1/rooms – lists a seeded room with counts', async ({ request, livekit }) => {
    const name = await livekit.seedRoom(
      livekit.roomName('list'),
      [
        { identity: 'alice', tracks: [{ type: 'AUDIO', source: 'MICROPHONE' }] },
        { identity: 'bob' },
      ],
      { metadata: '{"auth_id":"acme"}' },
    );
    const res = await request.get('/api/v1/rooms');
    expect(res.status()).toBe(200);
    const body = await res.json();
    await expectResponseMatches('listRooms', 200, body);
    const { rooms } = body as { rooms: { name: string }[] };
    expect(rooms.find((r) => r.name === name)).toMatchObject({
      name,
      numParticipants: 2,
      numPublishers: 1,
      tenant: 'acme',
      metadata: '{"auth_id":"acme"}',
    });
  });

  test('GET /api/v1/rooms/:roomName – the room; 404 not_found for an unknown one', async ({
    request,
    livekit,
  }) => {
    const name = await livekit.seedRoom(livekit.roomName('one room'));
    const ok = await request.get(`/api/v1/rooms/${encodeURIComponent(name)}`);
    expect(ok.status()).toBe(200);
    const room = await ok.json();
    await expectResponseMatches('getRoom', 200, room);
    expect(room).toMatchObject({ name, sid: expect.stringMatching(/^RM_/) });

    const missing = await request.get(
      `/api/v1/rooms/${encodeURIComponent(livekit.roomName('missing'))}`,
    );
    expect(missing.status()).toBe(404);
    expectErrorBody(await missing.json(), 'not_found');
  });

  test('GET /api/v1/rooms/:roomName/participants[/:identity] – list and one', async ({
    request,
    livekit,
  }) => {
    const name = await livekit.seedRoom(livekit.roomName('people'), [
      { identity: 'alice', name: 'Alice', kind: 'AGENT' },
    ]);
    const base = `/api/v1/rooms/${encodeURIComponent(name)}/participants`;
    const list = await request.get(base);
    expect(list.status()).toBe(200);
    const listed = await list.json();
    await expectResponseMatches('listParticipants', 200, listed);
    const { participants } = listed as { participants: unknown[] };
    expect(participants).toEqual([
      expect.objectContaining({ identity: 'alice', name: 'Alice', kind: 'AGENT' }),
    ]);

    const one = await request.get(`${base}/alice`);
    expect(one.status()).toBe(200);
    const participant = await one.json();
    await expectResponseMatches('getParticipant', 200, participant);
    expect(participant).toMatchObject({ identity: 'alice', tracks: [] });

    const unknown = await request.get(`${base}/nobody`);
    expect(unknown.status()).toBe(404);
    expectErrorBody(await unknown.json(), 'not_found');
  });

  test.describe('tenant masking', () => {
    test.use({ account: 'acme' });

    test('GET /api/v1/rooms[/:roomName] – another tenant’s room is invisible and 404', async ({
      request,
      livekit,
    }) => {
      const acme = await livekit.seedRoom(livekit.roomName('acme'), [], {
        metadata: '{"auth_id":"acme"}',
      });
      const globex = await livekit.seedRoom(livekit.roomName('globex'), [{ identity: 'g' }], {
        metadata: '{"auth_id":"globex"}',
      });
      const listed = await (await request.get('/api/v1/rooms')).json();
      await expectResponseMatches('listRooms', 200, listed);
      const { rooms } = listed as { rooms: { name: string; tenant: string | null }[] };
      expect(rooms.map((r) => r.name)).toContain(acme);
      expect(rooms.map((r) => r.name)).not.toContain(globex);
      expect(rooms.every((r) => r.tenant === 'acme')).toBe(true);

      for (const path of ['', '/participants', '/participants/g']) {
        const res = await request.get(`/api/v1/rooms/${encodeURIComponent(globex)}${path}`);
        expect(res.status(), path).toBe(404);
        expectErrorBody(await res.json(), 'not_found');
      }
    });
  });

  test.describe('viewer', () => {
    test.use({ account: 'viewer' });

    test('GET /api/v1/audit – 403 forbidden for a viewer', async ({ request }) => {
      const res = await request.get('/api/v1/audit');
      expect(res.status()).toBe(403);
      expectErrorBody(await res.json(), 'forbidden');
    });
  });
});

test('pages refuse to be framed by other sites', async ({ request }) => {
  const res = await request.get('/login');
  expect(res.headers()['content-security-policy']).toContain("frame-ancestors 'self'");
  expect(res.headers()['x-frame-options']).toBe('SAMEORIGIN');
});
