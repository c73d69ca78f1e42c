import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { closeDb, type DbTarget, getDb, openDb } from '@/lib/db';
import { queryAuditEvents } from '@/lib/db/audit';
import { DB_LOCK_TIMEOUT_MS } from '@/lib/db/connect';
import { testStores, type TestStore } from '@/lib/db/test-stores';
import { holdAuditWriteLock } from '@/lib/db/test-write-lock';
import { testActor } from '@/test/standin';

import { AUDIT_UNAVAILABLE_MESSAGE, beginAudit } from '../audit';

const moderator = testActor('moderator');

const attempt = (roomName: string, i: number) => ({
  actor: moderator,
  action: 'track.muted',
  target: { roomName, identity: `p-${i}`, trackSid: `TR_${i}` },
  params: { i },
});

// Audit writes that arrive together share a transaction (lib/db/audit-group-commit.ts); each
// attempt must still get its own row, and a transaction that fails must refuse all of them.
describe.each(testStores())('write-ahead audit rows committed together on $kind', (entry) => {
  let store: TestStore;
  let target: DbTarget;

  beforeAll(async () => {
    store = entry.store();
    target = await store.create();
    await openDb(target);
  });
  afterAll(async () => {
    await closeDb();
    await store.destroy();
  });

  it('settles each of many concurrent attempts on its own row', async () => {
    const settles = await Promise.all(
      Array.from({ length: 64 }, (_, i) => beginAudit(attempt('together', i))),
    );
    await Promise.all(
      settles.map((settle, i) =>
        i % 3 === 0
          ? settle({ outcome: 'error', errorCode: 'not_found' })
          : settle({ outcome: 'success', params: { i, learnt: `p-${i}` } }),
      ),
    );
    const { events } = await queryAuditEvents({ roomName: 'together', limit: 100 });
    expect(events).toHaveLength(64);
    for (const event of events) {
      const i = Number(event.identity!.slice(2));
      expect(event).toMatchObject(
        i % 3 === 0
          ? { outcome: 'error', errorCode: 'not_found', params: { i } }
          : { outcome: 'success', errorCode: null, params: { i, learnt: `p-${i}` } },
      );
    }
  });

  it('refuses every attempt of a transaction that cannot be committed', async () => {
    const db = await getDb();
    // better-sqlite3 waits out SQLite's busy timeout synchronously: a short one keeps this quick.
    if (target.kind === 'sqlite') await sql.raw('PRAGMA busy_timeout = 200').execute(db);
    const lock = await holdAuditWriteLock(target);
    let results: PromiseSettledResult<unknown>[];
    try {
      results = await Promise.allSettled(
        Array.from({ length: 16 }, (_, i) => beginAudit(attempt('refused', i))),
      );
    } finally {
      await lock.release();
      if (target.kind === 'sqlite') {
        await sql.raw(`PRAGMA busy_timeout = ${DB_LOCK_TIMEOUT_MS}`).execute(db);
      }
    }
    for (const result of results) {
      expect(result).toMatchObject({
        status: 'rejected',
        reason: { code: 'audit_unavailable', message: AUDIT_UNAVAILABLE_MESSAGE },
      });
    }
    expect((await queryAuditEvents({ roomName: 'refused' })).events).toEqual([]);
  });
});
