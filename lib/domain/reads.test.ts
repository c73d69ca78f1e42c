import { runOperation as run } from './run-operation';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { codeOf, startTestLiveKit, testActor, uniqueRoom, type TestLiveKit } from '@/test/standin';

import { getLiveKitStatus } from './livekit/get-livekit-status';
import { getParticipant } from './participants/get-participant';
import { listParticipants } from './participants/list-participants';
import { getRoom } from './rooms/get-room';
import { listRooms } from './rooms/list-rooms';

// Domain reads through the real RoomServiceClient over HTTP against the stand-in.
let lk: TestLiveKit;
const acmeRoom = uniqueRoom('acme');
const globexRoom = uniqueRoom('globex');
const openRoom = uniqueRoom('open');

const admin = testActor('admin');
const acmeModerator = testActor('moderator', 'acme');

beforeAll(async () => {
  lk = await startTestLiveKit();
  await lk.rooms.createRoom({ name: acmeRoom, metadata: JSON.stringify({ auth_id: 'acme' }) });
  await lk.rooms.createRoom({ name: globexRoom, metadata: JSON.stringify({ auth_id: 'globex' }) });
  await lk.rooms.createRoom({ name: openRoom, metadata: 'plain text' });
  await lk.join({
    room: acmeRoom,
    identity: 'alice',
    name: 'Alice',
    attributes: { team: 'support' },
    tracks: [
      { type: 'AUDIO', source: 'MICROPHONE' },
      { type: 'VIDEO', source: 'CAMERA', simulcast: true, muted: true },
    ],
  });
  await lk.join({ room: acmeRoom, identity: 'bob', kind: 'agent' });
});

afterAll(async () => {
  await lk?.close();
});

describe('listRooms', () => {
  it('shows an unbound admin every room with its tenant', async () => {
    const { rooms } = await run(listRooms, admin, {});
    const byName = new Map(rooms.map((r) => [r.name, r]));
    expect(byName.get(acmeRoom)?.tenant).toBe('acme');
    expect(byName.get(globexRoom)?.tenant).toBe('globex');
    expect(byName.get(openRoom)?.tenant).toBeNull();
  });

  it('shows a tenant-bound user only its tenant’s rooms', async () => {
    const names = (await run(listRooms, acmeModerator, {})).rooms.map((r) => r.name);
    expect(names).toContain(acmeRoom);
    expect(names).not.toContain(globexRoom);
    expect(names).not.toContain(openRoom);
  });
});

describe('getRoom', () => {
  it('returns the room facts', async () => {
    const room = await run(getRoom, admin, { roomName: acmeRoom });
    expect(room).toMatchObject({ name: acmeRoom, emptyTimeout: 300, departureTimeout: 20 });
    expect(room.sid).toMatch(/^RM_/);
    expect(room.numParticipants).toBe(1); // the agent is a dependent participant
  });

  it('answers not_found for an unknown room and for another tenant’s room', async () => {
    expect(await codeOf(run(getRoom, admin, { roomName: 'no-such-room' }))).toBe('not_found');
    expect(await codeOf(run(getRoom, acmeModerator, { roomName: globexRoom }))).toBe('not_found');
  });

  it('rejects invalid input before calling LiveKit', async () => {
    expect(await codeOf(run(getRoom, admin, { roomName: '' }))).toBe('invalid_input');
    expect(await codeOf(run(getRoom, admin, { roomName: 'x'.repeat(257) }))).toBe('invalid_input');
    expect(await codeOf(run(getRoom, admin, null))).toBe('invalid_input');
  });
});

describe('participants', () => {
  it('lists participants with kinds and tracks', async () => {
    const { participants } = await run(listParticipants, acmeModerator, { roomName: acmeRoom });
    expect(participants.map((p) => p.identity)).toEqual(['alice', 'bob']);
    const alice = participants[0]!;
    expect(alice).toMatchObject({
      name: 'Alice',
      kind: 'STANDARD',
      attributes: { team: 'support' },
    });
    expect(alice.tracks.map((t) => [t.source, t.muted])).toEqual([
      ['MICROPHONE', false],
      ['CAMERA', true],
    ]);
    expect(alice.tracks[1]?.layers.length).toBeGreaterThan(1);
    expect(participants[1]?.kind).toBe('AGENT');
  });

  it('masks participants of another tenant’s room', async () => {
    expect(
      await codeOf(run(listParticipants, testActor('viewer', 'globex'), { roomName: acmeRoom })),
    ).toBe('not_found');
    expect(
      await codeOf(
        run(getParticipant, testActor('viewer', 'globex'), {
          roomName: acmeRoom,
          identity: 'alice',
        }),
      ),
    ).toBe('not_found');
  });

  it('gets one participant, and not_found for an unknown identity', async () => {
    expect((await run(getParticipant, admin, { roomName: acmeRoom, identity: 'alice' })).name).toBe(
      'Alice',
    );
    expect(await codeOf(run(getParticipant, admin, { roomName: acmeRoom, identity: 'zed' }))).toBe(
      'not_found',
    );
  });

  it('answers not_found for an unknown room (LiveKit itself answers an empty list)', async () => {
    expect(await codeOf(run(listParticipants, admin, { roomName: 'no-such-room' }))).toBe(
      'not_found',
    );
  });
});

describe('LiveKit failures', () => {
  it('reports a wrong API secret as upstream_misconfigured and status unauthorized', async () => {
    process.env.LIVEKIT_API_SECRET = 'wrong-secret';
    try {
      expect(await codeOf(run(listRooms, admin, {}))).toBe('upstream_misconfigured');
      expect((await run(getLiveKitStatus, admin, {})).state).toBe('unauthorized');
    } finally {
      process.env.LIVEKIT_API_SECRET = 'secret';
    }
  });

  it('reports an unreachable server as upstream_unavailable and recovers when it returns', async () => {
    const url = process.env.LIVEKIT_URL!;
    process.env.LIVEKIT_URL = 'http://127.0.0.1:9'; // discard port: connection refused
    try {
      expect(await codeOf(run(listRooms, admin, {}))).toBe('upstream_unavailable');
      const status = await run(getLiveKitStatus, admin, {});
      expect(status).toMatchObject({ state: 'unreachable', host: '127.0.0.1:9' });
      // The address is in `host` (admins only), never in the message every role reads.
      expect(status.message).toMatch(/can’t reach LiveKit\. .*LIVEKIT_URL/);
    } finally {
      process.env.LIVEKIT_URL = url;
    }
    expect((await run(getLiveKitStatus, admin, {})).state).toBe('ok');
  });

  it('reports a missing URL as not_configured', async () => {
    const url = process.env.LIVEKIT_URL!;
    process.env.LIVEKIT_URL = 'not a url';
    try {
      expect((await run(getLiveKitStatus, admin, {})).state).toBe('not_configured');
    } finally {
      process.env.LIVEKIT_URL = url;
    }
  });
});
