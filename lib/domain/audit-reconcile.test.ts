import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { register } from '@/instrumentation';
import { insertAuditEvent, queryAuditEvents } from '@/lib/db/audit';
import { closeDb, openDb } from '@/lib/db';
import { testStores, type TestStore } from '@/lib/db/test-stores';

// A server killed between acting and recording the outcome leaves its row `pending`; the next
// start says so (`unknown`) rather than leaving it looking in progress forever.
describe.each(testStores())('start-up audit reconciliation on $kind', ({ store: makeStore }) => {
  let store: TestStore;

  beforeAll(async () => {
    process.env.MODERATO_DATA_DIR = mkdtempSync(path.join(os.tmpdir(), 'moderato-test-'));
    process.env.NEXTAUTH_SECRET = 'test-secret-not-for-production-0123456789abcdef';
    store = makeStore();
    await openDb(await store.create());
  });
  afterAll(async () => {
    await closeDb();
    await store.destroy();
  });

  it('marks attempts left pending by an earlier process unknown, and leaves this one’s alone', async () => {
    const row = (roomName: string, atMs: number, outcome: 'pending' | 'success') =>
      insertAuditEvent({
        atMs,
        actorName: 'moderator',
        action: 'track.muted',
        roomName,
        outcome,
        source: 'ui',
      });
    const beforeStart = Math.floor(performance.timeOrigin) - 60_000;
    await row('killed-mid-mute', beforeStart, 'pending');
    await row('settled-earlier', beforeStart, 'success');
    await row('in-flight-now', Date.now(), 'pending');

    // The server's own start-up hook (first admin's password box silenced).
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    process.env.NEXT_RUNTIME = 'nodejs';
    try {
      await register();
    } finally {
      delete process.env.NEXT_RUNTIME;
      vi.restoreAllMocks();
    }

    const outcomeOf = async (roomName: string) =>
      (await queryAuditEvents({ roomName })).events.map((e) => e.outcome);
    expect(await outcomeOf('killed-mid-mute')).toEqual(['unknown']);
    expect(await outcomeOf('settled-earlier')).toEqual(['success']);
    expect(await outcomeOf('in-flight-now')).toEqual(['pending']);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/1 action\(s\).*marked unknown/));
    const { events } = await queryAuditEvents({ outcome: 'unknown' });
    expect(events.map((e) => e.roomName)).toEqual(['killed-mid-mute']);
  });
});
