import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  type AuditEventInput,
  insertAuditEvent,
  markPendingAuditEventsUnknown,
  queryAuditEvents,
  settleAuditEvent,
} from './audit';
import { MAX_AUDIT_BATCH } from './audit-group-commit';
import { DB_LOCK_TIMEOUT_MS } from './connect';
import { closeDb, type DbTarget, getDb, openDb } from './index';
import { testStores, type TestStore } from './test-stores';
import { holdAuditWriteLock } from './test-write-lock';

const T0 = 1_700_000_000_000;

const attempt = (roomName: string, over: Partial<AuditEventInput> = {}): AuditEventInput => ({
  atMs: T0,
  actorName: 'moderator',
  action: 'participant.removed',
  roomName,
  params: { reason: 'spam' },
  outcome: 'pending',
  source: 'ui',
  ...over,
});

const rowOf = async (roomName: string) => (await queryAuditEvents({ roomName })).events[0]!;

describe.each(testStores())('write-ahead audit rows on $kind', ({ store: makeStore }) => {
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

  it('settles a pending row once, with what was learnt while acting', async () => {
    const { id } = await insertAuditEvent(attempt('settle-once'));
    expect(await settleAuditEvent(id, { outcome: 'success', params: { username: 'ann' } })).toBe(
      true,
    );
    expect(await rowOf('settle-once')).toMatchObject({
      outcome: 'success',
      errorCode: null,
      params: { username: 'ann' },
    });
    // A late retry cannot rewrite a settled row.
    expect(await settleAuditEvent(id, { outcome: 'error', errorCode: 'internal' })).toBe(false);
    expect(await rowOf('settle-once')).toMatchObject({ outcome: 'success', errorCode: null });
  });

  it('keeps the params when the settlement names none, and records the error code', async () => {
    const { id } = await insertAuditEvent(attempt('settle-error'));
    await settleAuditEvent(id, { outcome: 'error', errorCode: 'not_found' });
    expect(await rowOf('settle-error')).toMatchObject({
      outcome: 'error',
      errorCode: 'not_found',
      params: { reason: 'spam' },
    });
  });

  it('marks only rows still pending from before the cut-off unknown, and they stay settleable', async () => {
    const old = await insertAuditEvent(attempt('old-pending'));
    await insertAuditEvent(attempt('old-success', { outcome: 'success' }));
    await insertAuditEvent(attempt('new-pending', { atMs: T0 + 10_000 }));

    expect(await markPendingAuditEventsUnknown(T0 + 5_000.5)).toBe(1);
    expect((await rowOf('old-pending')).outcome).toBe('unknown');
    expect((await rowOf('old-success')).outcome).toBe('success');
    expect((await rowOf('new-pending')).outcome).toBe('pending');
    expect(await markPendingAuditEventsUnknown(T0 + 5_000)).toBe(0);

    // Another instance was still running it: its real outcome replaces `unknown`.
    expect(await settleAuditEvent(old.id, { outcome: 'success' })).toBe(true);
    expect((await rowOf('old-pending')).outcome).toBe('success');
  });

  it('filters by the new outcomes', async () => {
    await insertAuditEvent(attempt('filter-pending', { action: 'track.muted' }));
    const { events } = await queryAuditEvents({ outcome: 'pending', action: 'track.muted' });
    expect(events.map((e) => e.roomName)).toEqual(['filter-pending']);
  });

  it('commits writes that arrive together in one go, each under its own id', async () => {
    // More than one transaction's worth, so the queue is drained in several batches.
    const count = MAX_AUDIT_BATCH + 100;
    const written = await Promise.all(
      Array.from({ length: count }, (_, i) =>
        insertAuditEvent(attempt('batch-ids', { identity: `p-${i}`, params: { i } })),
      ),
    );
    expect(new Set(written.map((row) => row.id)).size).toBe(count);
    written.forEach((row, i) => expect(row).toMatchObject({ identity: `p-${i}`, params: { i } }));
    // The ids each caller got are those of its own rows.
    const { events } = await queryAuditEvents({ roomName: 'batch-ids', limit: 1000 });
    expect(events).toHaveLength(count);
    const identityById = new Map(events.map((e) => [e.id, e.identity]));
    written.forEach((row, i) => expect(identityById.get(row.id)).toBe(`p-${i}`));

    // Settlements arriving together, each with its own outcome; a second one of the same row
    // in the same turn changes nothing, as when they came one after another.
    const settled = await Promise.all([
      ...written.map((row, i) =>
        settleAuditEvent(
          row.id,
          i % 2
            ? { outcome: 'success', params: { i, done: true } }
            : { outcome: 'error', errorCode: 'not_found' },
        ),
      ),
      settleAuditEvent(written[0]!.id, { outcome: 'success' }),
    ]);
    expect(settled.slice(0, count).every(Boolean)).toBe(true);
    expect(settled[count]).toBe(false);
    const after = await queryAuditEvents({ roomName: 'batch-ids', limit: 1000 });
    const byId = new Map(after.events.map((e) => [e.id, e]));
    written.forEach((row, i) =>
      expect(byId.get(row.id)).toMatchObject(
        i % 2
          ? { outcome: 'success', errorCode: null, params: { i, done: true } }
          : { outcome: 'error', errorCode: 'not_found', params: { i } },
      ),
    );
  });

  it('refuses every write of a transaction that cannot be committed', async () => {
    const db = await getDb();
    const settleable = await insertAuditEvent(attempt('batch-refused-settle'));
    // better-sqlite3 waits out SQLite's busy timeout synchronously: a short one keeps this quick.
    if (target.kind === 'sqlite') await sql.raw('PRAGMA busy_timeout = 200').execute(db);
    const lock = await holdAuditWriteLock(target);
    let results: PromiseSettledResult<unknown>[];
    try {
      results = await Promise.allSettled([
        ...Array.from({ length: 20 }, (_, i) =>
          insertAuditEvent(attempt('batch-refused', { identity: `p-${i}` })),
        ),
        settleAuditEvent(settleable.id, { outcome: 'success' }),
      ]);
    } finally {
      await lock.release();
      if (target.kind === 'sqlite') {
        await sql.raw(`PRAGMA busy_timeout = ${DB_LOCK_TIMEOUT_MS}`).execute(db);
      }
    }
    expect(results.map((r) => r.status)).toEqual(Array(21).fill('rejected'));
    expect((await queryAuditEvents({ roomName: 'batch-refused' })).events).toEqual([]);
    expect((await rowOf('batch-refused-settle')).outcome).toBe('pending');
    // The next transaction goes through.
    expect(await settleAuditEvent(settleable.id, { outcome: 'success' })).toBe(true);
    await insertAuditEvent(attempt('batch-refused'));
    expect((await queryAuditEvents({ roomName: 'batch-refused' })).events).toHaveLength(1);
  });
});
