import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { closeDb, getDb, openDb } from '@/lib/db';
import {
  closeRoomSession,
  insertRoomEvents,
  openRoomSession,
  recordParticipantJoin,
  recordParticipantLeave,
} from '@/lib/db/history';
import { testStores, type TestStore } from '@/lib/db/test-stores';
import { codeOf, startTestLiveKit, testActor, uniqueRoom, type TestLiveKit } from '@/test/standin';

import type { Actor } from '../actor';
import { runOperation as run } from '../run-operation';

import { exportRoomSessions, roomSessionsToCsv } from './export-room-sessions';
import { getRoomSession } from './get-room-session';
import { listRoomEvents } from './list-room-events';
import { listRoomSessions } from './list-room-sessions';

const T0 = 1_700_000_000_000;
const admin = testActor('admin');
const acme = testActor('moderator', 'acme');
const acmeViewer = testActor('viewer', 'acme');
const acmeRoom = uniqueRoom('hist-acme');
const globexRoom = uniqueRoom('hist-globex');
const liveRoom = uniqueRoom('hist-live');
const limited: Actor = { ...acmeViewer, rooms: [liveRoom] };

/** A recorded, ended session with one participant who was removed, and its timeline. */
async function seedSession(roomSid: string, roomName: string, tenant: string | null) {
  const db = await getDb();
  const room = { roomSid, roomName, tenant };
  await openRoomSession(db, { ...room, startedAtMs: T0, numParticipants: 0 });
  await recordParticipantJoin(db, room, {
    participantSid: `PA_${roomSid}`,
    identity: 'ann',
    name: 'Ann',
    kind: 'STANDARD',
    joinedAtMs: T0 + 1000,
  });
  await recordParticipantLeave(db, room, {
    participantSid: `PA_${roomSid}`,
    identity: 'ann',
    reason: 'PARTICIPANT_REMOVED',
    atMs: T0 + 5000,
  });
  await closeRoomSession(db, roomSid, T0 + 9000);
  await insertRoomEvents(db, [
    {
      id: `${roomSid}-1`,
      roomSid,
      roomName,
      tenant,
      atMs: T0 + 1000,
      type: 'participant.joined',
      identity: 'ann',
      trackSid: null,
      detail: { name: 'Ann' },
    },
    {
      id: `${roomSid}-2`,
      roomSid,
      roomName,
      tenant,
      atMs: T0 + 5000,
      type: 'participant.left',
      identity: 'ann',
      trackSid: null,
      detail: { reason: 'PARTICIPANT_REMOVED' },
    },
  ]);
}

describe.each(testStores())('history operations on $kind', ({ store: makeStore }) => {
  let store: TestStore;
  let lk: TestLiveKit;

  beforeAll(async () => {
    lk = await startTestLiveKit();
    store = makeStore();
    await openDb(await store.create());
    await seedSession('RM_acme', acmeRoom, 'acme');
    await seedSession('RM_globex', globexRoom, 'globex');
    // Live in LiveKit (acme's), with nothing recorded yet.
    await lk.rooms.createRoom({ name: liveRoom, metadata: JSON.stringify({ auth_id: 'acme' }) });
  });

  afterAll(async () => {
    await closeDb();
    await store.destroy();
    await lk?.close();
  });

  it('lists every tenant’s sessions to an unbound admin, and one tenant’s to a tenant user', async () => {
    const names = async (actor: Actor, input: Record<string, unknown> = {}) =>
      (await run(listRoomSessions, actor, { q: 'hist-', ...input })).sessions.map(
        (s) => s.roomName,
      );
    expect((await names(admin)).sort()).toEqual([acmeRoom, globexRoom].sort());
    expect(await names(admin, { tenant: 'globex' })).toEqual([globexRoom]);
    expect(await names(acme)).toEqual([acmeRoom]);
    // Asking for another tenant finds nothing; a caller limited to rooms sees only those.
    expect(await names(acme, { tenant: 'globex' })).toEqual([]);
    expect(await names(limited)).toEqual([]);
    expect(await names(admin, { status: 'live' })).toEqual([]);
    const { sessions } = await run(listRoomSessions, admin, { q: acmeRoom });
    expect(sessions).toEqual([
      {
        roomSid: 'RM_acme',
        roomName: acmeRoom,
        tenant: 'acme',
        startedAtMs: T0,
        endedAtMs: T0 + 9000,
        durationMs: 9000,
        live: false,
        peakParticipants: 1,
        totalParticipants: 1,
      },
    ]);
  });

  it('gives a session with its participants, and another tenant’s as not found', async () => {
    const detail = await run(getRoomSession, acme, { roomSid: 'RM_acme' });
    expect(detail.participants).toEqual([
      expect.objectContaining({
        identity: 'ann',
        joinedAtMs: T0 + 1000,
        leftAtMs: T0 + 5000,
        durationMs: 4000,
        leaveReason: 'PARTICIPANT_REMOVED',
      }),
    ]);
    expect(await codeOf(run(getRoomSession, acme, { roomSid: 'RM_globex' }))).toBe('not_found');
    expect(await codeOf(run(getRoomSession, limited, { roomSid: 'RM_acme' }))).toBe('not_found');
    expect(await codeOf(run(getRoomSession, admin, { roomSid: 'RM_none' }))).toBe('not_found');
  });

  it('gives a room’s timeline to whoever may see the room, live or ended', async () => {
    const timeline = await run(listRoomEvents, acme, { roomName: acmeRoom });
    expect(timeline.events.map((e) => e.type)).toEqual(['participant.left', 'participant.joined']);
    const joins = await run(listRoomEvents, acme, {
      roomName: acmeRoom,
      type: 'participant.joined',
    });
    expect(joins.events).toHaveLength(1);
    const oneSession = await run(listRoomEvents, admin, { roomName: acmeRoom, roomSid: 'RM_acme' });
    expect(oneSession.events).toHaveLength(2);
    // Live with nothing recorded yet: an empty timeline, not an error.
    expect((await run(listRoomEvents, limited, { roomName: liveRoom })).events).toEqual([]);

    const refused = async (actor: Actor, input: Record<string, unknown>) =>
      codeOf(run(listRoomEvents, actor, input));
    expect(await refused(acme, { roomName: globexRoom })).toBe('not_found');
    expect(await refused(acme, { roomName: acmeRoom, roomSid: 'RM_globex' })).toBe('not_found');
    expect(await refused(admin, { roomName: globexRoom, roomSid: 'RM_acme' })).toBe('not_found');
    expect(await refused(limited, { roomName: acmeRoom })).toBe('not_found');
    expect(await refused(admin, { roomName: uniqueRoom('never') })).toBe('not_found');
    expect(await refused(admin, { roomName: acmeRoom, type: 'participant.sneezed' })).toBe(
      'invalid_input',
    );
  });

  it('exports the visible sessions as CSV, quoting what a spreadsheet would run', async () => {
    const sessions = await run(exportRoomSessions, acme, { q: 'hist-', format: 'csv' });
    expect(sessions.map((s) => s.roomName)).toEqual([acmeRoom]);
    const csv = roomSessionsToCsv([
      { ...sessions[0]!, roomName: '=cmd(),"x"', tenant: null },
    ]).split('\r\n');
    expect(csv[0]).toBe(
      'room_sid,room_name,tenant,started_at,ended_at,duration_seconds,peak_participants,total_participants',
    );
    expect(csv[1]).toBe(
      `RM_acme,"'=cmd(),""x""",,${new Date(T0).toISOString()},${new Date(T0 + 9000).toISOString()},9,1,1`,
    );
  });
});
