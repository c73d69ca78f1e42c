import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  type AuditEventInput,
  insertAuditEvent,
  markPendingAuditEventsUnknown,
  queryAuditEvents,
  settleAuditEvent,
} from './audit';
import { closeDb, openDb } from './index';
import { testStores, type TestStore } from './test-stores';

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

  beforeAll(async () => {
    store = makeStore();
    await openDb(await store.create());
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
});
