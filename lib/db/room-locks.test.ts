import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { closeDb, openDb } from './index';
import {
  admitSessions,
  clearSuspension,
  deleteRoomLock,
  deleteSuspensionTaking,
  deleteSuspensionTakings,
  findRoomLock,
  findSuspensionTaking,
  isAdmitted,
  listAdmitted,
  listRoomLocks,
  listSuspensionTakings,
  saveRoomLock,
  saveSuspension,
  saveSuspensionTaking,
  type StoredSuspensionTaking,
} from './room-locks';
import type { DbTarget } from './target';
import { testStores, type TestStore } from './test-stores';

describe.each(testStores())('room locks store on $kind', ({ store: makeStore }) => {
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

  it('locks, replaces only the allow-list on a second lock, survives a reopen and unlocks', async () => {
    const first = await saveRoomLock({
      roomName: 'r1',
      tenant: 'acme',
      allowList: ['a', 'b', 'a'],
      lockedBy: 'Mod',
      nowMs: 1_000,
    });
    expect(first).toEqual({
      created: true,
      lock: {
        roomName: 'r1',
        tenant: 'acme',
        allowList: ['a', 'b'],
        lockedBy: 'Mod',
        lockedAtMs: 1_000,
        suspendedBy: null,
        suspendedAtMs: null,
        unlockOnResume: false,
      },
    });
    const second = await saveRoomLock({
      roomName: 'r1',
      tenant: 'acme',
      allowList: ['c'],
      lockedBy: 'Other',
      nowMs: 2_000,
    });
    expect(second).toEqual({ created: false, lock: { ...first.lock, allowList: ['c'] } });
    await closeDb();
    await openDb(target);
    expect(await findRoomLock('r1')).toEqual(second.lock);
    expect((await listRoomLocks()).map((l) => l.roomName)).toEqual(['r1']);

    await admitSessions('r1', ['PA_1', 'PA_2', 'PA_1']);
    await admitSessions('r1', ['PA_2', 'PA_3']);
    expect(await isAdmitted('r1', 'PA_2')).toBe(true);
    expect(await isAdmitted('r1', 'PA_9')).toBe(false);
    expect(await listAdmitted('r1')).toEqual(new Set(['PA_1', 'PA_2', 'PA_3']));

    expect(await deleteRoomLock('r1')).toBe(true);
    expect(await deleteRoomLock('r1')).toBe(false);
    expect(await findRoomLock('r1')).toBeNull();
    expect(await isAdmitted('r1', 'PA_1')).toBe(false);
  });

  it('admits a large room in chunks', async () => {
    const sids = Array.from({ length: 1_234 }, (_, i) => `PA_big_${i}`);
    await admitSessions('big', sids);
    expect((await listAdmitted('big')).size).toBe(1_234);
    await deleteRoomLock('big');
    expect((await listAdmitted('big')).size).toBe(0);
  });

  it('a suspension locks an unlocked room (to be unlocked on resume), and keeps an existing lock', async () => {
    const created = await saveSuspension({
      roomName: 'r2',
      tenant: null,
      suspendedBy: 'Mod',
      nowMs: 5_000,
    });
    expect(created).toEqual({
      created: true,
      lock: {
        roomName: 'r2',
        tenant: null,
        allowList: [],
        lockedBy: 'Mod',
        lockedAtMs: 5_000,
        suspendedBy: 'Mod',
        suspendedAtMs: 5_000,
        unlockOnResume: true,
      },
    });
    // Suspended again: the first suspension's author and time stay.
    const again = await saveSuspension({ roomName: 'r2', tenant: null, suspendedBy: 'X' });
    expect(again).toEqual({ created: false, lock: created.lock });
    expect(await clearSuspension('r2')).toEqual(created.lock);
    expect(await findRoomLock('r2')).toMatchObject({
      suspendedAtMs: null,
      suspendedBy: null,
      unlockOnResume: false,
    });

    await saveRoomLock({ roomName: 'r3', tenant: null, allowList: ['v'], lockedBy: 'Mod' });
    const onLocked = await saveSuspension({
      roomName: 'r3',
      tenant: null,
      suspendedBy: 'Mod2',
      nowMs: 7_000,
    });
    expect(onLocked.created).toBe(false);
    expect(onLocked.lock).toMatchObject({
      allowList: ['v'],
      lockedBy: 'Mod',
      suspendedBy: 'Mod2',
      suspendedAtMs: 7_000,
      unlockOnResume: false,
    });
    expect(await clearSuspension('nowhere')).toBeNull();
  });

  it('records what a suspension took from whom, replaces it and forgets it', async () => {
    const taking: StoredSuspensionTaking = {
      roomName: 'r4',
      identity: 'alice',
      participantSid: 'PA_a',
      previous: { canPublish: true, canPublishSources: ['MICROPHONE'], canPublishData: true },
      applied: { canPublish: false, canPublishSources: ['MICROPHONE'], canPublishData: false },
      takenAtMs: 1,
    };
    await saveSuspensionTaking(taking);
    await saveSuspensionTaking({
      ...taking,
      identity: 'bob',
      participantSid: 'PA_b',
      takenAtMs: 2,
    });
    await saveSuspensionTaking({ ...taking, participantSid: 'PA_a2', takenAtMs: 3 });
    expect(await findSuspensionTaking('r4', 'alice')).toEqual({
      ...taking,
      participantSid: 'PA_a2',
      takenAtMs: 3,
    });
    expect((await listSuspensionTakings('r4')).map((t) => t.identity)).toEqual(['bob', 'alice']);
    await deleteSuspensionTaking('r4', 'alice');
    expect((await listSuspensionTakings('r4')).map((t) => t.identity)).toEqual(['bob']);
    await deleteSuspensionTakings('r4');
    expect(await listSuspensionTakings('r4')).toEqual([]);
  });
});
