import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { insertAuditEvent } from '@/lib/db/audit';
import { closeDb, openDb } from '@/lib/db';
import { testStores, type TestStore } from '@/lib/db/test-stores';
import { testActor } from '@/test/standin';

import { runOperation } from '../run-operation';
import { auditEventsToCsv, exportAuditEvents } from './export-audit-events';
import { listAuditEvents } from './list-audit-events';

// The audit page, its filters and both exports show the two write-ahead outcomes.
describe.each(testStores())('pending and unknown rows on $kind', ({ store: makeStore }) => {
  let store: TestStore;
  const admin = testActor('admin');

  beforeAll(async () => {
    store = makeStore();
    await openDb(await store.create());
    for (const [roomName, outcome] of [
      ['interrupted', 'unknown'],
      ['in-flight', 'pending'],
      ['done', 'success'],
    ] as const) {
      await insertAuditEvent({
        actorName: 'moderator',
        action: 'track.muted',
        roomName,
        identity: 'ann',
        outcome,
        source: 'ui',
      });
    }
  });
  afterAll(async () => {
    await closeDb();
    await store.destroy();
  });

  it('lists them, and filters by them', async () => {
    const all = await runOperation(listAuditEvents, admin, { action: 'track.muted' });
    expect(all.events.map((e) => e.outcome)).toEqual(['success', 'pending', 'unknown']);
    const unknown = await runOperation(listAuditEvents, admin, { outcome: 'unknown' });
    expect(unknown.events.map((e) => e.roomName)).toEqual(['interrupted']);
    const pending = await runOperation(listAuditEvents, admin, { outcome: 'pending' });
    expect(pending.events.map((e) => e.roomName)).toEqual(['in-flight']);
  });

  it('exports them as JSON and CSV', async () => {
    const json = await runOperation(exportAuditEvents, admin, {
      format: 'json',
      outcome: 'unknown',
    });
    expect(json).toEqual([
      expect.objectContaining({ roomName: 'interrupted', outcome: 'unknown' }),
    ]);

    const events = await runOperation(exportAuditEvents, admin, {
      format: 'csv',
      action: 'track.muted',
    });
    const csv = auditEventsToCsv(events);
    expect(csv).toMatch(/,track\.muted,interrupted,ann,,,unknown,,ui\r\n/);
    expect(csv).toMatch(/,track\.muted,in-flight,ann,,,pending,,ui\r\n/);
  });
});
