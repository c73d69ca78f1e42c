import type { Kysely } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import type { LiveEvent, NewLiveEvent } from '@/lib/contracts/live-events';
import { connect } from '@/lib/db/connect';
import {
  findRoomSession,
  listParticipantSessions,
  queryRoomEvents,
  queryRoomSessions,
} from '@/lib/db/history';
import { closeDb, getDb, openDb } from '@/lib/db/index';
import type { Database } from '@/lib/db/schema';
import type { DbTarget } from '@/lib/db/target';
import { testStores, type TestStore } from '@/lib/db/test-stores';

import { createMemoryBus, LocalFanout, type LiveBus } from './bus';
import { createHistoryRecorder, type HistoryRecorder } from './history-recorder';
import { participant, room, track } from './reconciler-test-fixtures';

const T0 = 1_700_000_000_000;
const DAY = 24 * 60 * 60 * 1000;
const quiet = { warn: () => {}, error: () => {} };

/** Two instances on one shared bus (what Redis pub/sub gives): each hears every event once. */
function sharedBus(idA: string, idB: string): [LiveBus, LiveBus] {
  const fanouts = [new LocalFanout(idA), new LocalFanout(idB)];
  const bus = (own: LocalFanout): LiveBus => ({
    instanceId: own.instanceId,
    publish(event) {
      const stamped = own.stamp(event);
      for (const fanout of fanouts) fanout.deliver(stamped);
      return stamped;
    },
    subscribe: (listener) => own.subscribe(listener),
    async close() {},
  });
  return [bus(fanouts[0]!), bus(fanouts[1]!)];
}

const base = (roomName: string, atMs: number, tenant: string | null = 'acme') => ({
  atMs,
  origin: 'webhook' as const,
  roomName,
  tenant,
});

/** A room's whole life: start, two joins, a mute, a removal, a moderator action, the end. */
function roomLife(name: string, t = T0): NewLiveEvent[] {
  const r = room(name, { creationTimeMs: t, tenant: 'acme' });
  const ann = participant('ann', { sid: `PA_${name}_ann`, name: 'Ann', joinedAtMs: t + 1000 });
  const bob = participant('bob', { sid: `PA_${name}_bob`, joinedAtMs: t + 2000 });
  return [
    { ...base(name, t), type: 'room.started', room: r },
    { ...base(name, t + 1000), type: 'participant.joined', participant: ann },
    { ...base(name, t + 1500), type: 'room.updated', room: { ...r, numParticipants: 1 } },
    { ...base(name, t + 2000), type: 'participant.joined', participant: bob },
    {
      ...base(name, t + 3000),
      type: 'track.muted',
      identity: 'ann',
      participantSid: ann.sid,
      track: track('TR_cam', { type: 'VIDEO', source: 'CAMERA', muted: true }),
    },
    {
      ...base(name, t + 3500),
      type: 'participant.updated',
      participant: { ...ann, state: 'ACTIVE' },
      changed: ['state'],
    },
    {
      ...base(name, t + 4000),
      type: 'participant.updated',
      participant: { ...ann, metadata: '{"hand":true}' },
      changed: ['metadata'],
    },
    {
      ...base(name, t + 5000),
      type: 'moderation.action',
      action: 'participant.removed',
      actorName: 'mod',
      identity: 'bob',
      trackSid: null,
      outcome: 'success',
      errorCode: null,
    },
    {
      ...base(name, t + 5000),
      type: 'participant.left',
      identity: 'bob',
      participantSid: bob.sid,
      reason: 'PARTICIPANT_REMOVED',
    },
    { ...base(name, t + 6000), type: 'room.finished', roomSid: r.sid },
  ];
}

describe.each(testStores())('history recorder on $kind', ({ kind, store: makeStore }) => {
  let store: TestStore;
  let target: DbTarget;
  const recorders: HistoryRecorder[] = [];
  const extraDbs: Kysely<Database>[] = [];

  beforeAll(async () => {
    store = makeStore();
    target = await store.create();
    await openDb(target);
  });

  afterEach(async () => {
    await Promise.all(recorders.splice(0).map((r) => r.stop()));
    await Promise.all(extraDbs.splice(0).map((db) => db.destroy()));
  });

  afterAll(async () => {
    await closeDb();
    await store.destroy();
  });

  it('writes a room’s sessions and timeline from the events it publishes', async () => {
    const bus = createMemoryBus('solo');
    const recorder = createHistoryRecorder({ bus, log: quiet });
    recorders.push(recorder);
    for (const event of roomLife('life')) bus.publish(event);
    await recorder.flush();

    expect(await findRoomSession('RM_life')).toMatchObject({
      roomName: 'life',
      tenant: 'acme',
      startedAtMs: T0,
      endedAtMs: T0 + 6000,
      peakParticipants: 2,
      totalParticipants: 2,
    });
    expect(await listParticipantSessions('RM_life')).toEqual([
      expect.objectContaining({
        identity: 'ann',
        name: 'Ann',
        leftAtMs: T0 + 6000,
        leaveReason: null,
      }),
      expect.objectContaining({
        identity: 'bob',
        joinedAtMs: T0 + 2000,
        leftAtMs: T0 + 5000,
        durationMs: 3000,
        leaveReason: 'PARTICIPANT_REMOVED',
      }),
    ]);
    const { events } = await queryRoomEvents({ roomName: 'life' });
    // Newest first; the count-only room.updated and the state-only update are not activity.
    expect(events.map((e) => e.type)).toEqual([
      'room.finished',
      'participant.left',
      'moderation.action',
      'participant.updated',
      'track.muted',
      'participant.joined',
      'participant.joined',
      'room.started',
    ]);
    expect(events.every((e) => e.roomSid === 'RM_life')).toBe(true);
    expect(events.find((e) => e.type === 'participant.updated')!.detail).toEqual({
      changed: ['metadata'],
      metadata: '{"hand":true}',
    });
    expect(events.find((e) => e.type === 'track.muted')).toMatchObject({
      identity: 'ann',
      trackSid: 'TR_cam',
      detail: { source: 'CAMERA', trackType: 'VIDEO' },
    });
    expect(events.find((e) => e.type === 'moderation.action')!.detail).toMatchObject({
      action: 'participant.removed',
      actorName: 'mod',
    });
    expect(recorder.stats()).toMatchObject({ queued: 0, dropped: 0, written: 10 });
  });

  it('counts the peak at each join, before a leave dated in whole seconds closes a session', async () => {
    const bus = createMemoryBus('solo');
    const recorder = createHistoryRecorder({ bus, log: quiet });
    recorders.push(recorder);
    const t = T0 + 10_000;
    const r = room('seconds', { creationTimeMs: t, tenant: 'acme' });
    const joins = ['ann', 'bob', 'cid'].map((identity, i) =>
      participant(identity, { sid: `PA_seconds_${identity}`, joinedAtMs: t + 400 + i * 100 }),
    );
    bus.publish({ ...base('seconds', t), type: 'room.started', room: r });
    for (const p of joins)
      bus.publish({ ...base('seconds', p.joinedAtMs), type: 'participant.joined', participant: p });
    // LiveKit dates the leave t (whole seconds): before bob's join, so his session ends as it
    // began. The three were in together all the same.
    bus.publish({
      ...base('seconds', t),
      type: 'participant.left',
      identity: 'bob',
      participantSid: joins[1]!.sid,
      reason: 'PARTICIPANT_REMOVED',
    });
    await recorder.flush();
    expect(await findRoomSession(r.sid)).toMatchObject({
      peakParticipants: 3,
      totalParticipants: 3,
    });
  });

  it('writes only the events its own instance published', async () => {
    const [a, b] = sharedBus('own-a', 'own-b');
    const recorder = createHistoryRecorder({ bus: b, log: quiet });
    recorders.push(recorder);
    // Instance a publishes a whole room life: b hears it all (and follows the room's sid)…
    for (const event of roomLife('other')) a.publish(event);
    await recorder.flush();
    expect(await findRoomSession('RM_other')).toBeNull();
    expect(await queryRoomEvents({ roomName: 'other' })).toEqual({ events: [], nextCursor: null });
    // …and writes what it publishes itself.
    const [started, joined] = roomLife('mine');
    a.publish(started!);
    const own = b.publish(joined!);
    await recorder.flush();
    expect((await queryRoomEvents({ roomName: 'mine' })).events.map((e) => e.id)).toEqual([own.id]);
    // The join still belongs to the room's session, whose start a's instance writes.
    expect((await listParticipantSessions('RM_mine')).map((p) => p.identity)).toEqual(['ann']);
    expect(await findRoomSession('RM_mine')).toMatchObject({ totalParticipants: 1 });
  });

  it('with two instances sharing one store, every event is written once and the rows agree', async () => {
    const [a, b] = sharedBus('pair-a', 'pair-b');
    // On PostgreSQL each instance has its own connection pool, as two processes would. (Several
    // instances need PostgreSQL: an embedded SQLite file belongs to one process, and two
    // better-sqlite3 handles in one process would wait on each other synchronously.)
    const second = kind === 'postgres' ? connect(target) : await getDb();
    if (kind === 'postgres') extraDbs.push(second);
    const recA = createHistoryRecorder({ bus: a, log: quiet, flushMs: 5 });
    const recB = createHistoryRecorder({ bus: b, log: quiet, flushMs: 5, db: async () => second });
    recorders.push(recA, recB);
    const events = [...roomLife('pair-1'), ...roomLife('pair-2', T0 + 10_000)];
    // Every event reaches both instances; which one published it alternates.
    const published = events.map((e, i) => (i % 3 === 0 ? b : a).publish(e));
    // Concurrent transactions may conflict and be retried: wait until both queues are empty.
    await expect
      .poll(async () => {
        await Promise.all([recA.flush(), recB.flush()]);
        return recA.stats().queued + recB.stats().queued;
      })
      .toBe(0);

    const stored = [
      ...(await queryRoomEvents({ roomName: 'pair-1' })).events,
      ...(await queryRoomEvents({ roomName: 'pair-2' })).events,
    ];
    const activity = (e: LiveEvent) =>
      e.type !== 'room.updated' && !(e.type === 'participant.updated' && e.changed[0] === 'state');
    const expected = published.filter(activity).map((e) => e.id);
    expect(stored.map((e) => e.id).sort()).toEqual(expected.sort());
    for (const name of ['pair-1', 'pair-2']) {
      expect(await findRoomSession(`RM_${name}`)).toMatchObject({
        live: false,
        peakParticipants: 2,
        totalParticipants: 2,
      });
      expect((await listParticipantSessions(`RM_${name}`)).map((p) => p.leaveReason)).toEqual([
        null,
        'PARTICIPANT_REMOVED',
      ]);
    }
    expect(recA.stats().written + recB.stats().written).toBe(events.length);
  });

  it('is idempotent: the same events delivered again change no count', async () => {
    const fanout = new LocalFanout('again');
    const bus: LiveBus = {
      instanceId: 'again',
      publish(event) {
        const stamped = fanout.stamp(event);
        fanout.deliver(stamped);
        // A duplicate delivery of the same event (same id).
        fanout.deliver(stamped);
        return stamped;
      },
      subscribe: (listener) => fanout.subscribe(listener),
      async close() {},
    };
    const recorder = createHistoryRecorder({ bus, log: quiet });
    recorders.push(recorder);
    for (const event of roomLife('twice')) bus.publish(event);
    await recorder.flush();
    // And a webhook's join repeated by reconciliation (a new event id, the same participant).
    bus.publish(roomLife('twice')[1]!);
    await recorder.flush();
    expect(await findRoomSession('RM_twice')).toMatchObject({
      totalParticipants: 2,
      peakParticipants: 2,
    });
    expect(await listParticipantSessions('RM_twice')).toHaveLength(2);
  });

  it('attaches events without a room sid to the open session, or a provisional one moved to the real sid', async () => {
    const bus = createMemoryBus('late');
    const recorder = createHistoryRecorder({ bus, log: quiet });
    recorders.push(recorder);
    const [started, joined, , joined2] = roomLife('late');
    // room_started was lost: a participant arrives first.
    bus.publish(joined!);
    await recorder.flush();
    const provisional = (await queryRoomSessions({ q: 'late' })).sessions;
    expect(provisional).toHaveLength(1);
    expect(provisional[0]!.roomSid).toMatch(/^~late~/);
    // Reconciliation names the room: everything moves to its sid.
    bus.publish({ ...started!, type: 'room.updated' } as NewLiveEvent);
    bus.publish(joined2!);
    await recorder.flush();
    expect((await queryRoomSessions({ q: 'late' })).sessions.map((s) => s.roomSid)).toEqual([
      'RM_late',
    ]);
    expect(await findRoomSession('RM_late')).toMatchObject({
      startedAtMs: T0,
      totalParticipants: 2,
    });
    expect(
      (await queryRoomEvents({ roomName: 'late' })).events.every((e) => e.roomSid === 'RM_late'),
    ).toBe(true);

    // After a restart nothing is known in memory: the store's open session is found by name.
    await recorder.stop();
    const bus2 = createMemoryBus('late2');
    const again = createHistoryRecorder({ bus: bus2, log: quiet });
    recorders.push(again);
    bus2.publish({
      ...joined!,
      participant: participant('cy', { sid: 'PA_late_cy', joinedAtMs: T0 + 7000 }),
    } as NewLiveEvent);
    await again.flush();
    expect(await findRoomSession('RM_late')).toMatchObject({ live: true, totalParticipants: 3 });
    expect((await listParticipantSessions('RM_late')).map((p) => p.identity)).toEqual([
      'ann',
      'bob',
      'cy',
    ]);
  });

  it('records webhooks overtaken by their room’s end in that session, never a new one', async () => {
    const bus = createMemoryBus('over');
    const recorder = createHistoryRecorder({ bus, log: quiet });
    recorders.push(recorder);
    const r = room('over', { creationTimeMs: T0, tenant: 'acme' });
    const dan = participant('dan', { sid: 'PA_over_dan', joinedAtMs: T0 + 1000 });
    // A moderator deletes the room: its end is published at once, before LiveKit's webhooks for
    // a participant this instance had not seen yet (nobody was watching the room).
    bus.publish({ ...base('over', T0), type: 'room.started', room: r });
    bus.publish({ ...base('over', T0 + 3000), type: 'room.finished', roomSid: r.sid });
    bus.publish({ ...base('over', T0 + 1000), type: 'participant.joined', participant: dan });
    await recorder.flush();
    const sessions = (await queryRoomSessions({ q: 'over' })).sessions;
    expect(sessions.map((s) => [s.roomSid, s.live, s.totalParticipants])).toEqual([
      ['RM_over', false, 1],
    ]);
    // Dan left when the room ended; the webhook that trails it then gives the reason.
    expect(await listParticipantSessions('RM_over')).toMatchObject([
      { identity: 'dan', leftAtMs: T0 + 3000 },
    ]);
    bus.publish({
      ...base('over', T0 + 3000),
      type: 'participant.left',
      identity: 'dan',
      participantSid: dan.sid,
      reason: 'ROOM_DELETED',
    });
    await recorder.flush();
    expect((await queryRoomSessions({ q: 'over' })).sessions).toHaveLength(1);
    expect(await listParticipantSessions('RM_over')).toMatchObject([
      { identity: 'dan', leaveReason: 'ROOM_DELETED' },
    ]);
  });

  it('keeps the publisher unblocked while the store is down, bounds the queue and catches up', async () => {
    const bus = createMemoryBus('down');
    let up = false;
    const warnings: string[] = [];
    const recorder = createHistoryRecorder({
      bus,
      flushMs: 5,
      batchSize: 3,
      maxQueue: 6,
      log: { warn: (message: string) => warnings.push(message), error: () => {} },
      db: async () => {
        if (!up) throw new Error('store down');
        return getDb();
      },
    });
    recorders.push(recorder);
    const life = roomLife('down');
    for (const event of life) bus.publish(event);
    expect(recorder.stats().queued).toBe(6);
    expect(recorder.stats().dropped).toBe(4);
    expect(warnings.some((w) => w.includes('dropped the oldest'))).toBe(true);
    await expect.poll(() => recorder.stats().failures).toBeGreaterThan(0);
    up = true;
    await expect.poll(() => recorder.stats().queued, { timeout: 5000 }).toBe(0);
    // The newest six survived: from the mute on (the start and both joins were dropped).
    const { events } = await queryRoomEvents({ roomName: 'down' });
    expect(events.map((e) => e.type).at(-1)).toBe('track.muted');
    expect(events.every((e) => e.roomSid === 'RM_down')).toBe(true);
    expect(await listParticipantSessions('RM_down')).toEqual([
      expect.objectContaining({ identity: 'bob', leaveReason: 'PARTICIPANT_REMOVED' }),
    ]);
    expect(await findRoomSession('RM_down')).toMatchObject({ live: false });
  });

  it('on start, closes sessions whose room ended while it was down, and prunes old history', async () => {
    const bus = createMemoryBus('boot');
    const writer = createHistoryRecorder({ bus, log: quiet });
    recorders.push(writer);
    const gone = roomLife('gone').slice(0, 4);
    const still = roomLife('still').slice(0, 2);
    const ancient = roomLife('ancient', T0 - 90 * DAY);
    for (const event of [...gone, ...still, ...ancient]) bus.publish(event);
    await writer.flush();
    await writer.stop();

    const booted = createHistoryRecorder({
      bus: createMemoryBus('boot2'),
      log: quiet,
      retentionDays: 30,
      now: () => T0 + DAY,
      liveRoomSids: async () => new Set(['RM_still']),
    });
    recorders.push(booted);
    await booted.start();
    // Ended at the last thing recorded in it: bob's join.
    expect(await findRoomSession('RM_gone')).toMatchObject({ live: false, endedAtMs: T0 + 2000 });
    expect(await findRoomSession('RM_still')).toMatchObject({ live: true });
    expect(await findRoomSession('RM_ancient')).toBeNull();
    expect(await queryRoomEvents({ roomName: 'ancient' })).toEqual({
      events: [],
      nextCursor: null,
    });

    // LiveKit unreachable: nothing is closed on a guess.
    const booting = createHistoryRecorder({
      bus: createMemoryBus('boot3'),
      log: quiet,
      retentionDays: 30,
      now: () => T0 + DAY,
      liveRoomSids: async () => null,
    });
    recorders.push(booting);
    await booting.start();
    expect(await findRoomSession('RM_still')).toMatchObject({ live: true });
  });
});
