import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { codeOf, startTestLiveKit, testActor, uniqueRoom, type TestLiveKit } from '@/test/standin';

import type { Actor } from '../actor';
import { runOperation as run } from '../run-operation';

import { searchParticipants } from './search-participants';

/**
 * The search through the real RoomServiceClient against the stand-in. A small HTTP proxy in front
 * of it plays a room that ends between ListRooms and its ListParticipants, in each of the ways
 * LiveKit answers for a room that is gone (docs/livekit-behaviour.md §3, §3.4).
 */

type Fault =
  /** The room is deleted, then the call goes through: the stand-in answers an empty list. */
  | 'ends'
  /** The room is deleted and the call answers 404 not_found. */
  | 'ends-not-found'
  /** The room is deleted and the call answers psrpc's 503 "no response from servers". */
  | 'ends-no-responder'
  /** The room stays, but the call answers 503: LiveKit itself is in trouble. */
  | 'no-responder';

let lk: TestLiveKit;
let proxy: Server;
const faults = new Map<string, Fault>();
const listed: string[] = [];

const acmeRoom = uniqueRoom('acme');
const globexRoom = uniqueRoom('globex');
const openRoom = uniqueRoom('open');
const acme = testActor('viewer', 'acme');
const admin = testActor('admin');

function twirpError(res: ServerResponse, status: number, code: string): void {
  const msg = status === 404 ? 'requested room does not exist' : 'no response from servers';
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ code, msg }));
}

function startProxy(target: string): Promise<string> {
  proxy = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      void (async () => {
        const body = Buffer.concat(chunks);
        if (req.url?.endsWith('/livekit.RoomService/ListParticipants')) {
          const { room } = JSON.parse(body.toString('utf8')) as { room: string };
          listed.push(room);
          const fault = faults.get(room);
          if (fault?.startsWith('ends')) await lk.rooms.deleteRoom(room);
          if (fault === 'ends-not-found') return twirpError(res, 404, 'not_found');
          if (fault === 'ends-no-responder' || fault === 'no-responder') {
            return twirpError(res, 503, 'unavailable');
          }
        }
        const answer = await fetch(new URL(req.url!, target), {
          method: req.method,
          headers: {
            authorization: req.headers.authorization ?? '',
            'content-type': req.headers['content-type'] ?? 'application/json',
          },
          body: req.method === 'GET' ? undefined : body,
        });
        res.writeHead(answer.status, {
          'content-type': answer.headers.get('content-type') ?? 'application/json',
        });
        res.end(Buffer.from(await answer.arrayBuffer()));
      })();
    });
  });
  return new Promise((resolve) =>
    proxy.listen(0, '127.0.0.1', () =>
      resolve(`http://127.0.0.1:${(proxy.address() as AddressInfo).port}`),
    ),
  );
}

beforeAll(async () => {
  lk = await startTestLiveKit();
  await lk.rooms.createRoom({ name: acmeRoom, metadata: JSON.stringify({ auth_id: 'acme' }) });
  await lk.rooms.createRoom({ name: globexRoom, metadata: JSON.stringify({ auth_id: 'globex' }) });
  await lk.rooms.createRoom({ name: openRoom, metadata: 'plain text' });
  // "Sam" is in both tenants' rooms: a name match must not cross the tenant line.
  await lk.join({ room: acmeRoom, identity: 'sam-acme', name: 'Sam Carter' });
  await lk.join({
    room: acmeRoom,
    identity: 'ada',
    name: 'Ada Lovelace',
    tracks: [{ type: 'AUDIO', source: 'MICROPHONE' }],
  });
  await lk.join({ room: globexRoom, identity: 'sam-globex', name: 'Sam Rivera' });
  await lk.join({ room: globexRoom, identity: 'hank', name: 'Hank Scorpio' });
  await lk.join({ room: openRoom, identity: 'SAM-open', name: '' });
  process.env.LIVEKIT_URL = await startProxy(lk.standin.url);
});

afterEach(() => {
  faults.clear();
  listed.length = 0;
});

afterAll(async () => {
  await new Promise((resolve) => proxy?.close(resolve));
  await lk?.close();
});

const search = (actor: Actor, input: Record<string, unknown>) =>
  run(searchParticipants, actor, input);
const found = async (actor: Actor, query: string) =>
  (await search(actor, { query })).participants.map((p) => `${p.roomName} ${p.identity}`);

describe('searchParticipants', () => {
  it('matches identity or name, case-insensitively, across every room', async () => {
    expect(await found(admin, 'sam')).toEqual(
      [`${acmeRoom} sam-acme`, `${globexRoom} sam-globex`, `${openRoom} SAM-open`].sort(),
    );
    expect(await found(admin, '  LOVELACE ')).toEqual([`${acmeRoom} ada`]);
    const { participants, truncated, roomsSearched } = await search(admin, { query: 'ada' });
    expect(participants).toEqual([
      {
        roomName: acmeRoom,
        sid: expect.stringMatching(/^PA_/),
        identity: 'ada',
        name: 'Ada Lovelace',
        state: 'ACTIVE',
        kind: 'STANDARD',
        joinedAtMs: expect.any(Number),
        isPublisher: true,
      },
    ]);
    expect(truncated).toBe(false);
    expect(roomsSearched).toBe(3);
  });

  it('never shows a tenant user another tenant’s participant, even when the name matches', async () => {
    expect(await found(acme, 'Sam')).toEqual([`${acmeRoom} sam-acme`]);
    expect(await found(acme, 'hank')).toEqual([]);
    expect(await found(acme, 'Scorpio')).toEqual([]);
    // The other tenant's rooms (and rooms of no tenant) are not even asked.
    expect(listed).not.toContain(globexRoom);
    expect(listed).not.toContain(openRoom);
    expect((await search(acme, { query: 'a' })).roomsSearched).toBe(1);
  });

  it('keeps a caller limited to some rooms inside them', async () => {
    const limited: Actor = { ...admin, rooms: [globexRoom] };
    expect(await found(limited, 'sam')).toEqual([`${globexRoom} sam-globex`]);
  });

  it('answers at most `limit` matches and says when there were more', async () => {
    const { participants, truncated } = await search(admin, { query: 'sam', limit: '2' });
    expect(participants).toHaveLength(2);
    expect(truncated).toBe(true);
  });

  it('refuses a blank, overlong or badly limited query before asking LiveKit', async () => {
    expect(await codeOf(search(admin, { query: '   ' }))).toBe('invalid_input');
    expect(await codeOf(search(admin, {}))).toBe('invalid_input');
    expect(await codeOf(search(admin, { query: 'x'.repeat(129) }))).toBe('invalid_input');
    expect(await codeOf(search(admin, { query: 'sam', limit: '0' }))).toBe('invalid_input');
    expect(await codeOf(search(admin, { query: 'sam', limit: 'ten' }))).toBe('invalid_input');
    expect(await codeOf(search(admin, { query: 'sam', roomName: acmeRoom }))).toBe('invalid_input');
    expect(listed).toEqual([]);
  });
});

describe('a room that ends during the search', () => {
  for (const fault of ['ends', 'ends-not-found', 'ends-no-responder'] as const) {
    it(`is skipped, not an error (${fault})`, async () => {
      const room = uniqueRoom('ending');
      await lk.join({ room, identity: 'sam-ending', name: 'Sam Ending' });
      faults.set(room, fault);
      expect(await found(admin, 'sam')).toEqual(
        [`${acmeRoom} sam-acme`, `${globexRoom} sam-globex`, `${openRoom} SAM-open`].sort(),
      );
      expect(listed).toContain(room);
      expect((await lk.state()).rooms.map((r) => r.room.name)).not.toContain(room);
    });
  }

  it('fails the search when LiveKit does not answer for a room that still exists', async () => {
    faults.set(globexRoom, 'no-responder');
    expect(await codeOf(search(admin, { query: 'sam' }))).toBe('upstream_unavailable');
  });
});
