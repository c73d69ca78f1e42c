import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

import { queryAuditEvents } from '@/lib/db/audit';
import { DB_LOCK_TIMEOUT_MS } from '@/lib/db/connect';
import { closeDb, openDb, type DbTarget } from '@/lib/db';
import { testStores, type TestStore } from '@/lib/db/test-stores';
import { holdAuditWriteLock, type WriteLock } from '@/lib/db/test-write-lock';
import {
  received,
  startTestLiveKit,
  testActor,
  uniqueRoom,
  type TestLiveKit,
} from '@/test/standin';

import { AUDIT_UNAVAILABLE_MESSAGE } from './audit';
import { DomainError } from './errors';
import { defineOperation } from './operation';
import { muteTrack } from './participants/mute-track';
import { runOperation } from './run-operation';

// Issue 8: a mute while another process holds the database's write lock. The attempt must be
// recorded before LiveKit is called (or the mute refused), and a successful mute must never be
// reported as a failure because its outcome could not be written at that moment.
let lk: TestLiveKit;
const moderator = testActor('moderator');

beforeAll(async () => {
  lk = await startTestLiveKit();
});
afterAll(async () => {
  await lk?.close();
});

describe.each(testStores())('write-ahead audit on $kind', ({ store: makeStore }) => {
  let store: TestStore;
  let target: DbTarget;
  let roomName: string;

  async function mic() {
    return (await lk.rooms.getParticipant(roomName, 'ann')).tracks[0]!;
  }

  async function rows() {
    const { events } = await queryAuditEvents({ roomName });
    return events.map((e) => ({ action: e.action, outcome: e.outcome, errorCode: e.errorCode }));
  }

  /** How long a statement waits for the lock before it fails, in this suite. */
  let lockTimeoutMs = DB_LOCK_TIMEOUT_MS;

  beforeAll(async () => {
    store = makeStore();
    target = await store.create();
    const db = await openDb(target);
    if (target.kind === 'sqlite') {
      // The store is opened with the bounded busy timeout…
      const { rows } = await sql<{ timeout: number }>`PRAGMA busy_timeout`.execute(db);
      expect(rows).toEqual([{ timeout: DB_LOCK_TIMEOUT_MS }]);
      // …which better-sqlite3 waits out synchronously, freezing this process (and the in-process
      // stand-in's keep-alive sockets with it). A shorter one keeps the suite fast and its HTTP
      // connections sound; PostgreSQL waits asynchronously, with the real lock_timeout.
      lockTimeoutMs = 1000;
      await sql.raw(`PRAGMA busy_timeout = ${lockTimeoutMs}`).execute(db);
    }
  });
  afterAll(async () => {
    await closeDb();
    await store.destroy();
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });
  beforeEach(async () => {
    roomName = uniqueRoom('write-ahead');
    await lk.rooms.createRoom({ name: roomName });
    await lk.join({
      room: roomName,
      identity: 'ann',
      tracks: [{ type: 'AUDIO', source: 'MICROPHONE' }],
    });
  });

  it('refuses a mute whose attempt cannot be recorded, after a bounded wait, without calling LiveKit', async () => {
    const { sid } = await mic();
    const lock = await holdAuditWriteLock(target);
    const started = Date.now();
    let error: unknown;
    try {
      await runOperation(muteTrack, moderator, {
        roomName,
        identity: 'ann',
        trackSid: sid,
        muted: true,
      });
    } catch (err) {
      error = err;
    } finally {
      await lock.release();
    }
    const waited = Date.now() - started;

    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'audit_unavailable', message: AUDIT_UNAVAILABLE_MESSAGE });
    // Bounded by the store's lock timeout, not by how long the lock is held.
    expect(waited).toBeGreaterThanOrEqual(lockTimeoutMs - 100);
    expect(waited).toBeLessThan(lockTimeoutMs + 2000);
    // LiveKit was never asked: the track is live and the participant heard nothing.
    expect((await mic()).muted).toBe(false);
    expect(await received(lk, roomName, 'ann')).not.toContainEqual(
      expect.objectContaining({ type: 'mute' }),
    );
    expect(await rows()).toEqual([]);
  }, 30_000);

  it('reports a mute that LiveKit applied as done while its outcome cannot be written, and records it once the lock is gone', async () => {
    const { sid } = await mic();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    let lock: WriteLock | undefined;
    // The lock is taken after the attempt is recorded and before LiveKit is called, so only the
    // outcome's update meets it (the 7 s lock, minus the part before the action).
    const muteUnderLock = defineOperation({
      ...muteTrack,
      act: async (context, input) => {
        lock = await holdAuditWriteLock(target);
        return muteTrack.act(context, input);
      },
    });
    try {
      const track = await runOperation(muteUnderLock, moderator, {
        roomName,
        identity: 'ann',
        trackSid: sid,
        muted: true,
      });
      expect(track).toMatchObject({ sid, muted: true });
      expect((await mic()).muted).toBe(true);
      // Still locked: the attempt is on record, its outcome not yet, and the operator is told.
      expect(await rows()).toEqual([
        { action: 'track.muted', outcome: 'pending', errorCode: null },
      ]);
      expect(warn).toHaveBeenCalledWith(
        expect.stringMatching(/outcome \(success\).*stays pending/),
      );
    } finally {
      await lock?.release();
    }
    await vi.waitFor(
      async () =>
        expect(await rows()).toEqual([
          { action: 'track.muted', outcome: 'success', errorCode: null },
        ]),
      { timeout: 15_000, interval: 100 },
    );
  }, 40_000);

  it('settles the row to the error LiveKit reported', async () => {
    await runOperation(muteTrack, moderator, {
      roomName,
      identity: 'ann',
      trackSid: 'TR_missing',
      muted: true,
    }).catch(() => undefined);
    expect(await rows()).toEqual([
      { action: 'track.muted', outcome: 'error', errorCode: 'not_found' },
    ]);
  });
});
