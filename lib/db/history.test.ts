import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  adoptRoomSid,
  closeRoomSession,
  findOpenRoomSession,
  findRoomSession,
  insertRoomEvents,
  lastActivityAt,
  listParticipantSessions,
  openRoomSession,
  pruneHistory,
  queryRoomEvents,
  queryRoomSessions,
  raisePendingPeaks,
  recordParticipantJoin,
  recordParticipantLeave,
  roomHasHistory,
  type HistoryDb,
  type NewRoomEvent,
  type PendingPeaks,
} from './history';
import { closeDb, getDb, openDb } from './index';
import type { DbTarget } from './target';
import { testStores, type TestStore } from './test-stores';

const T0 = 1_700_000_000_000;
const MIN = 60_000;

const room = (sid: string, name: string, tenant: string | null = null) => ({
  roomSid: sid,
  roomName: name,
  tenant,
});
const join = (sid: string, identity: string, joinedAtMs: number) => ({
  participantSid: sid,
  identity,
  name: identity.toUpperCase(),
  kind: 'STANDARD',
  joinedAtMs,
});
const event = (id: string, overrides: Partial<NewRoomEvent> = {}): NewRoomEvent => ({
  id,
  roomSid: 'RM_a',
  roomName: 'alpha',
  tenant: 'acme',
  atMs: T0,
  type: 'participant.joined',
  identity: 'ann',
  trackSid: null,
  detail: { name: 'Ann' },
  ...overrides,
});

describe.each(testStores())('session history store on $kind', ({ store: makeStore }) => {
  let store: TestStore;
  let target: DbTarget;

  beforeAll(async () => {
    store = makeStore();
    target = await store.create();
    await openDb(target);
  });

  afterAll(async () => {
    await closeDb();
    await store.destroy();
  });

  it('records a session: start, joins counted once, leaves with reasons, end', async () => {
    const db = await getDb();
    const alpha = room('RM_a', 'alpha', 'acme');
    await openRoomSession(db, { ...alpha, startedAtMs: T0, numParticipants: 0 });
    expect(await recordParticipantJoin(db, alpha, join('PA_1', 'ann', T0 + MIN))).toBe(true);
    expect(await recordParticipantJoin(db, alpha, join('PA_2', 'bob', T0 + 2 * MIN))).toBe(true);
    // The same join again (a webhook and reconciliation, a retried batch) changes nothing.
    expect(await recordParticipantJoin(db, alpha, join('PA_1', 'ann', T0 + MIN))).toBe(false);
    await recordParticipantLeave(db, alpha, {
      participantSid: 'PA_1',
      identity: 'ann',
      reason: 'PARTICIPANT_REMOVED',
      atMs: T0 + 3 * MIN,
    });
    // Ann comes back: a new participant sid, a new session.
    await recordParticipantJoin(db, alpha, join('PA_3', 'ann', T0 + 4 * MIN));
    expect(await findOpenRoomSession(db, 'alpha')).toEqual(alpha);
    expect(await closeRoomSession(db, 'RM_a', T0 + 10 * MIN)).toBe(true);
    expect(await closeRoomSession(db, 'RM_a', T0 + 11 * MIN)).toBe(false);

    expect(await findRoomSession('RM_a')).toEqual({
      roomSid: 'RM_a',
      roomName: 'alpha',
      tenant: 'acme',
      startedAtMs: T0,
      endedAtMs: T0 + 10 * MIN,
      durationMs: 10 * MIN,
      live: false,
      peakParticipants: 2,
      totalParticipants: 3,
    });
    expect(await listParticipantSessions('RM_a')).toEqual([
      expect.objectContaining({
        participantSid: 'PA_1',
        name: 'ANN',
        joinedAtMs: T0 + MIN,
        leftAtMs: T0 + 3 * MIN,
        durationMs: 2 * MIN,
        leaveReason: 'PARTICIPANT_REMOVED',
      }),
      // Still in when the room ended: closed with it, no reason reported (yet).
      expect.objectContaining({
        participantSid: 'PA_2',
        leftAtMs: T0 + 10 * MIN,
        leaveReason: null,
      }),
      expect.objectContaining({
        participantSid: 'PA_3',
        leftAtMs: T0 + 10 * MIN,
        leaveReason: null,
      }),
    ]);
    expect(await findOpenRoomSession(db, 'alpha')).toBeNull();

    // The real reason arriving after the room's end fills in; a known reason is never replaced.
    await recordParticipantLeave(db, alpha, {
      participantSid: 'PA_2',
      identity: 'bob',
      reason: 'ROOM_DELETED',
      atMs: T0 + 10 * MIN,
    });
    await recordParticipantLeave(db, alpha, {
      participantSid: 'PA_1',
      identity: 'ann',
      reason: 'UNKNOWN_REASON',
      atMs: T0 + 12 * MIN,
    });
    const after = await listParticipantSessions('RM_a');
    expect(after.map((p) => p.leaveReason)).toEqual(['PARTICIPANT_REMOVED', 'ROOM_DELETED', null]);
    expect(after[0]!.leftAtMs).toBe(T0 + 3 * MIN);
  });

  it('accepts a session’s writes in any order and converges on the same row', async () => {
    const db = await getDb();
    const beta = room('RM_b', 'beta');
    // A leave before its join, a join before the room's start.
    await recordParticipantLeave(db, beta, {
      participantSid: 'PA_b1',
      identity: 'cat',
      reason: 'UNKNOWN_REASON',
      atMs: T0 + 5 * MIN,
    });
    await recordParticipantJoin(db, beta, join('PA_b2', 'dan', T0 + 3 * MIN));
    await recordParticipantJoin(db, beta, join('PA_b1', 'cat', T0 + 2 * MIN));
    await openRoomSession(db, { ...beta, startedAtMs: T0 + MIN, numParticipants: 4 });
    await recordParticipantLeave(db, beta, {
      participantSid: 'PA_b1',
      identity: 'cat',
      reason: 'CLIENT_INITIATED',
      atMs: T0 + 6 * MIN,
    });
    expect(await findRoomSession('RM_b', T0 + 10 * MIN)).toMatchObject({
      startedAtMs: T0 + MIN,
      live: true,
      durationMs: 9 * MIN,
      // LiveKit counted more than we saw join.
      peakParticipants: 4,
      totalParticipants: 2,
    });
    expect(await listParticipantSessions('RM_b')).toEqual([
      expect.objectContaining({
        participantSid: 'PA_b1',
        name: 'CAT',
        joinedAtMs: T0 + 2 * MIN,
        leftAtMs: T0 + 6 * MIN,
        leaveReason: 'CLIENT_INITIATED',
      }),
      expect.objectContaining({ participantSid: 'PA_b2', leftAtMs: null }),
    ]);
    // A finish for a session never recorded writes nothing.
    expect(await closeRoomSession(db, 'RM_never', T0)).toBe(false);
    expect(await findRoomSession('RM_never')).toBeNull();
  });

  it('counts the peak from overlapping sessions, late joins included', async () => {
    const db = await getDb();
    const peak = room('RM_peak', 'peak');
    await openRoomSession(db, { ...peak, startedAtMs: T0, numParticipants: 0 });
    const leave = (sid: string, atMs: number) =>
      recordParticipantLeave(db, peak, {
        participantSid: sid,
        identity: sid,
        reason: 'CLIENT_INITIATED',
        atMs,
      });
    await recordParticipantJoin(db, peak, join('PA_p1', 'a', T0 + MIN));
    await recordParticipantJoin(db, peak, join('PA_p2', 'b', T0 + 2 * MIN));
    await recordParticipantJoin(db, peak, join('PA_p3', 'c', T0 + 3 * MIN));
    await leave('PA_p1', T0 + 4 * MIN);
    await leave('PA_p2', T0 + 5 * MIN);
    await recordParticipantJoin(db, peak, join('PA_p4', 'd', T0 + 6 * MIN));
    expect(await findRoomSession('RM_peak')).toMatchObject({ peakParticipants: 3 });
    // A join webhook that arrives late: a, b, c and h were all in the room at 3.5 min.
    await recordParticipantJoin(db, peak, join('PA_p5', 'h', T0 + 3.5 * MIN));
    expect(await findRoomSession('RM_peak')).toMatchObject({
      peakParticipants: 4,
      totalParticipants: 5,
    });
  });

  it('raises the peak once per run of joins, before a leave, with the same count as join by join', async () => {
    const db = await getDb();
    const burst = room('RM_burst', 'burst');
    await openRoomSession(db, { ...burst, startedAtMs: T0, numParticipants: 0 });
    // A room found full at once (reconciliation after a restart), written in no particular order,
    // then one of them leaving and two joining later: at most 41 were in together.
    // Read inside the transaction: its writes are not committed yet.
    const peakIn = async (trx: HistoryDb) =>
      Number(
        (
          await trx
            .selectFrom('room_sessions')
            .select('peak_participants')
            .where('room_sid', '=', 'RM_burst')
            .executeTakeFirstOrThrow()
        ).peak_participants,
      );
    await db.transaction().execute(async (trx) => {
      const peaks: PendingPeaks = new Map();
      for (let i = 0; i < 40; i += 1) {
        const joinedAtMs = T0 + ((i * 7) % 40) * 1000;
        await recordParticipantJoin(trx, burst, join(`PA_burst${i}`, `b${i}`, joinedAtMs), peaks);
      }
      // Noted from the earliest join on, not raised yet.
      expect(peaks).toEqual(new Map([['RM_burst', T0]]));
      expect(await peakIn(trx)).toBe(0);
      // A leave raises the noted peaks before it ends a session.
      await recordParticipantLeave(
        trx,
        burst,
        { participantSid: 'PA_burst0', identity: 'b0', reason: 'CLIENT_INITIATED', atMs: T0 + MIN },
        peaks,
      );
      expect(peaks.size).toBe(0);
      expect(await peakIn(trx)).toBe(40);
      await recordParticipantJoin(trx, burst, join('PA_late1', 'late1', T0 + 0.5 * MIN), peaks);
      await recordParticipantJoin(trx, burst, join('PA_late2', 'late2', T0 + 2 * MIN), peaks);
      expect(peaks).toEqual(new Map([['RM_burst', T0 + 0.5 * MIN]]));
      await raisePendingPeaks(trx, peaks);
    });
    expect(await findRoomSession('RM_burst')).toMatchObject({
      peakParticipants: 41,
      totalParticipants: 42,
    });
  });

  it('never ends a session before it began (leaves are dated in whole seconds)', async () => {
    const db = await getDb();
    const quick = room('RM_quick', 'quick');
    await openRoomSession(db, { ...quick, startedAtMs: T0, numParticipants: 0 });
    await recordParticipantJoin(db, quick, join('PA_q1', 'quick', T0 + 60_700));
    await recordParticipantLeave(db, quick, {
      participantSid: 'PA_q1',
      identity: 'quick',
      reason: 'CLIENT_INITIATED',
      atMs: T0 + 60_000,
    });
    await recordParticipantJoin(db, quick, join('PA_q2', 'slow', T0 + 60_700));
    await closeRoomSession(db, 'RM_quick', T0 + 60_000);
    const sessions = await listParticipantSessions('RM_quick');
    expect(sessions.map((p) => [p.joinedAtMs, p.leftAtMs])).toEqual([
      [T0 + 60_700, T0 + 60_700],
      [T0 + 60_700, T0 + 60_700],
    ]);
    // The one that left is not counted as open at the other's join.
    expect(await findRoomSession('RM_quick')).toMatchObject({ peakParticipants: 1 });
  });

  it('moves a provisional session to the room’s real sid, merging when both exist', async () => {
    const db = await getDb();
    const provisional = room('~p1', 'gamma');
    await recordParticipantJoin(db, provisional, join('PA_g1', 'eve', T0 + 2 * MIN));
    await insertRoomEvents(db, [event('g-1', { roomSid: '~p1', roomName: 'gamma' })]);
    await openRoomSession(db, { ...room('RM_g', 'gamma'), startedAtMs: T0, numParticipants: 0 });
    await recordParticipantJoin(db, room('RM_g', 'gamma'), join('PA_g2', 'fay', T0 + 3 * MIN));
    await adoptRoomSid(db, '~p1', 'RM_g');
    expect(await findRoomSession('~p1')).toBeNull();
    expect(await findRoomSession('RM_g')).toMatchObject({
      startedAtMs: T0,
      totalParticipants: 2,
    });
    expect((await listParticipantSessions('RM_g')).map((p) => p.participantSid)).toEqual([
      'PA_g1',
      'PA_g2',
    ]);
    expect((await queryRoomEvents({ roomName: 'gamma' })).events[0]!.roomSid).toBe('RM_g');
    // Without a real row yet, the provisional one is renamed.
    await recordParticipantJoin(db, room('~p2', 'delta'), join('PA_d1', 'gus', T0));
    await adoptRoomSid(db, '~p2', 'RM_d');
    expect(await findRoomSession('RM_d')).toMatchObject({
      roomName: 'delta',
      totalParticipants: 1,
    });
    expect(await lastActivityAt(db, 'RM_d')).toBe(T0);
  });

  it('lists sessions newest first with search, tenant, scope, status and date filters, in pages', async () => {
    const db = await getDb();
    for (let i = 0; i < 5; i += 1) {
      const r = room(
        `RM_list${i}`,
        `list-${i % 2 === 0 ? 'even' : 'odd'}-${i}`,
        i < 3 ? 'acme' : 'globex',
      );
      await openRoomSession(db, {
        ...r,
        startedAtMs: T0 + 100 * MIN + i * MIN,
        numParticipants: i,
      });
      if (i !== 4) await closeRoomSession(db, r.roomSid, T0 + 100 * MIN + i * MIN + 30_000);
    }
    const names = async (query: Parameters<typeof queryRoomSessions>[0]) =>
      (await queryRoomSessions({ q: 'list-', ...query })).sessions.map((s) => s.roomName);
    expect(await names({})).toEqual([
      'list-even-4',
      'list-odd-3',
      'list-even-2',
      'list-odd-1',
      'list-even-0',
    ]);
    expect(await names({ q: 'EVEN' })).toEqual(['list-even-4', 'list-even-2', 'list-even-0']);
    expect(await names({ tenant: 'globex' })).toEqual(['list-even-4', 'list-odd-3']);
    expect(await names({ roomNames: ['list-odd-1', 'list-odd-3'] })).toEqual([
      'list-odd-3',
      'list-odd-1',
    ]);
    expect(await names({ roomNames: [] })).toEqual([]);
    expect(await names({ status: 'live' })).toEqual(['list-even-4']);
    expect(await names({ status: 'ended', tenant: 'globex' })).toEqual(['list-odd-3']);
    // Live at some point between from and to.
    expect(await names({ fromMs: T0 + 101 * MIN + 45_000, toMs: T0 + 103 * MIN })).toEqual([
      'list-odd-3',
      'list-even-2',
    ]);
    // `%` and `_` are literal in a search.
    expect(await names({ q: 'list_' })).toEqual([]);

    const first = await queryRoomSessions({ q: 'list-', limit: 2 });
    expect(first.sessions.map((s) => s.roomName)).toEqual(['list-even-4', 'list-odd-3']);
    const second = await queryRoomSessions({ q: 'list-', limit: 2, cursor: first.nextCursor });
    expect(second.sessions.map((s) => s.roomName)).toEqual(['list-even-2', 'list-odd-1']);
    const third = await queryRoomSessions({ q: 'list-', limit: 2, cursor: second.nextCursor });
    expect(third.sessions.map((s) => s.roomName)).toEqual(['list-even-0']);
    expect(third.nextCursor).toBeNull();
    expect(await roomHasHistory('list-odd-3')).toBe(true);
    expect(await roomHasHistory('list-odd-3', 'acme')).toBe(false);
    expect(await roomHasHistory('list-odd-3', 'globex')).toBe(true);
  });

  it('keeps a room’s timeline newest first, once per event id, filtered by type, session and tenant', async () => {
    const db = await getDb();
    const events = [
      event('e-1', { roomName: 'tl', atMs: T0 + 1000 }),
      event('e-2', {
        roomName: 'tl',
        atMs: T0 + 2000,
        type: 'track.muted',
        trackSid: 'TR_1',
        detail: { source: 'CAMERA' },
      }),
      event('e-3', {
        roomName: 'tl',
        atMs: T0 + 3000,
        type: 'participant.left',
        detail: { reason: 'PARTICIPANT_REMOVED' },
      }),
      event('e-4', { roomName: 'tl', atMs: T0 + 4000, roomSid: 'RM_other', tenant: 'globex' }),
    ];
    await insertRoomEvents(db, events);
    await insertRoomEvents(db, events.slice(0, 2));
    const page = await queryRoomEvents({ roomName: 'tl' });
    expect(page.events.map((e) => e.id)).toEqual(['e-4', 'e-3', 'e-2', 'e-1']);
    expect(page.events[2]).toEqual({
      id: 'e-2',
      roomSid: 'RM_a',
      roomName: 'tl',
      atMs: T0 + 2000,
      type: 'track.muted',
      identity: 'ann',
      trackSid: 'TR_1',
      detail: { source: 'CAMERA' },
    });
    const ids = async (query: Omit<Parameters<typeof queryRoomEvents>[0], 'roomName'>) =>
      (await queryRoomEvents({ roomName: 'tl', ...query })).events.map((e) => e.id);
    expect(await ids({ types: ['participant.joined', 'participant.left'] })).toEqual([
      'e-4',
      'e-3',
      'e-1',
    ]);
    expect(await ids({ roomSid: 'RM_a' })).toEqual(['e-3', 'e-2', 'e-1']);
    expect(await ids({ tenant: 'globex' })).toEqual(['e-4']);
    const first = await queryRoomEvents({ roomName: 'tl', limit: 3 });
    expect(await ids({ cursor: first.nextCursor })).toEqual(['e-1']);

    // Webhooks carry whole seconds: within one instant, publication order decides.
    await insertRoomEvents(db, [
      event('i-9', { roomName: 'same', atMs: T0 }),
      event('i-10', { roomName: 'same', atMs: T0 }),
      event('i-11', { roomName: 'same', atMs: T0 }),
    ]);
    const same = await queryRoomEvents({ roomName: 'same', limit: 2 });
    expect(same.events.map((e) => e.id)).toEqual(['i-11', 'i-10']);
    const rest = await queryRoomEvents({ roomName: 'same', cursor: same.nextCursor });
    expect(rest.events.map((e) => e.id)).toEqual(['i-9']);
  });

  it('prunes what is older than the retention, keeping live and recent sessions', async () => {
    const db = await getDb();
    const old = T0 - 100 * 24 * 60 * MIN;
    await openRoomSession(db, { ...room('RM_old', 'old'), startedAtMs: old, numParticipants: 0 });
    await recordParticipantJoin(db, room('RM_old', 'old'), join('PA_old', 'ole', old + MIN));
    await closeRoomSession(db, 'RM_old', old + 2 * MIN);
    await insertRoomEvents(db, [event('old-1', { roomSid: 'RM_old', roomName: 'old', atMs: old })]);
    // Started long ago but ended recently: kept.
    await openRoomSession(db, { ...room('RM_long', 'long'), startedAtMs: old, numParticipants: 0 });
    await closeRoomSession(db, 'RM_long', T0);

    const result = await pruneHistory(db, T0 - 24 * 60 * MIN);
    expect(result).toEqual({ roomSessions: 1, participantSessions: 1, roomEvents: 1 });
    expect(await findRoomSession('RM_old')).toBeNull();
    expect(await listParticipantSessions('RM_old')).toEqual([]);
    expect(await findRoomSession('RM_long')).not.toBeNull();
    expect(await findRoomSession('RM_a')).not.toBeNull();
  });

  it('survives a restart: closing and reopening the store keeps every row', async () => {
    const before = await queryRoomSessions({ limit: 500, nowMs: T0 });
    const events = await queryRoomEvents({ roomName: 'tl' });
    await closeDb();
    await openDb(target);
    expect(await queryRoomSessions({ limit: 500, nowMs: T0 })).toEqual(before);
    expect(await queryRoomEvents({ roomName: 'tl' })).toEqual(events);
    expect((await listParticipantSessions('RM_a')).length).toBe(3);
  });
});
