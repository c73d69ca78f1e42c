import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { closeDb, openDb } from './index';
import {
  adoptMicTaking,
  deleteMicRestriction,
  deleteMicTaking,
  findMicRestriction,
  findMicTaking,
  listMicTakings,
  saveMicRestriction,
  saveMicTaking,
  type StoredMicTaking,
} from './microphone-restrictions';
import { testStores, type TestStore } from './test-stores';
import type { DbTarget } from './target';

describe.each(testStores())('microphone restrictions store on $kind', ({ store: makeStore }) => {
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

  it('keeps the allow-list under a new id per enable, and survives a reopen', async () => {
    const first = await saveMicRestriction({
      roomName: 'r1',
      unrestricted: ['a', 'b', 'a'],
      enabledBy: 'Mod',
      nowMs: 1_000,
    });
    expect(first.unrestricted).toEqual(['a', 'b']);
    const second = await saveMicRestriction({
      roomName: 'r1',
      unrestricted: [],
      enabledBy: 'Mod2',
    });
    expect(second.id).not.toBe(first.id);
    await closeDb();
    await openDb(target);
    expect(await findMicRestriction('r1')).toEqual(second);
    expect(await deleteMicRestriction('r1')).toBe(true);
    expect(await deleteMicRestriction('r1')).toBe(false);
    expect(await findMicRestriction('r1')).toBeNull();
  });

  it('records what was taken from whom, replaces it, adopts a token’s taking and forgets it', async () => {
    const taking: StoredMicTaking = {
      roomName: 'r2',
      identity: 'alice',
      participantSid: null,
      previous: { canPublish: true, canPublishSources: [] },
      applied: {
        canPublish: true,
        canPublishSources: ['CAMERA', 'SCREEN_SHARE', 'SCREEN_SHARE_AUDIO'],
      },
      takenAtMs: 2_000,
    };
    await saveMicTaking(taking);
    await adoptMicTaking('r2', 'alice', 'PA_1');
    expect(await findMicTaking('r2', 'alice')).toMatchObject({
      participantSid: 'PA_1',
      takenAtMs: 2_000,
    });
    await saveMicTaking({
      ...taking,
      participantSid: 'PA_2',
      previous: { canPublish: true, canPublishSources: ['MICROPHONE'] },
      applied: { canPublish: false, canPublishSources: ['MICROPHONE'] },
      takenAtMs: 3_000,
    });
    expect(await listMicTakings('r2')).toEqual([
      {
        roomName: 'r2',
        identity: 'alice',
        participantSid: 'PA_2',
        previous: { canPublish: true, canPublishSources: ['MICROPHONE'] },
        applied: { canPublish: false, canPublishSources: ['MICROPHONE'] },
        takenAtMs: 3_000,
      },
    ]);
    await deleteMicTaking('r2', 'alice');
    expect(await listMicTakings('r2')).toEqual([]);
  });
});
