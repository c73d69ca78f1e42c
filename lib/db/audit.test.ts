import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type AuditEventInput, insertAuditEvent, queryAuditEvents } from './audit';
import { closeDb, openDb } from './index';
import { testStores, type TestStore } from './test-stores';
import { createUser } from './users';

const T0 = 1_700_000_000_000;

function event(i: number, over: Partial<AuditEventInput> = {}): AuditEventInput {
  return {
    atMs: T0 + i * 1000,
    actorId: null,
    actorName: 'moderator',
    role: 'moderator',
    action: 'participant.removed',
    roomName: 'standup',
    identity: `user-${i}`,
    outcome: 'success',
    source: 'ui',
    ...over,
  };
}

describe.each(testStores())('audit events on $kind', ({ store: makeStore }) => {
  let store: TestStore;

  beforeAll(async () => {
    store = makeStore();
    await openDb(await store.create());
    const grace = await createUser({ username: 'grace', name: 'Grace Hopper', role: 'admin' });
    // 30 rows; a few differ so each filter has something to find.
    for (let i = 0; i < 30; i++) {
      const over: Partial<AuditEventInput> = {};
      if (i % 10 === 0) Object.assign(over, { action: 'track.muted', trackSid: `TR_${i}` });
      if (i === 5) Object.assign(over, { outcome: 'denied', errorCode: 'forbidden' });
      if (i === 6) Object.assign(over, { outcome: 'error', errorCode: 'upstream_unavailable' });
      if (i === 7) Object.assign(over, { source: 'api', roomName: 'town-hall' });
      if (i === 8) Object.assign(over, { actorId: grace.id, actorName: 'grace', tenant: 'acme' });
      if (i === 9) Object.assign(over, { actorName: '100%_real', roomName: null, identity: null });
      await insertAuditEvent(event(i, over));
    }
  });

  afterAll(async () => {
    await closeDb();
    await store.destroy();
  });

  it('returns the stored row as a DTO', async () => {
    const dto = await insertAuditEvent({
      atMs: T0 - 1,
      actorName: 'cli:root',
      action: 'user.created',
      params: { username: 'x', nested: { a: [1, 2] } },
      outcome: 'success',
      source: 'cli',
    });
    expect(dto).toEqual({
      id: expect.stringMatching(/^\d+$/),
      atMs: T0 - 1,
      actorId: null,
      actorName: 'cli:root',
      role: null,
      tenant: null,
      action: 'user.created',
      roomName: null,
      identity: null,
      trackSid: null,
      params: { username: 'x', nested: { a: [1, 2] } },
      outcome: 'success',
      errorCode: null,
      source: 'cli',
    });
    const { events } = await queryAuditEvents({ action: 'user.created' });
    expect(events).toEqual([dto]);
    expect(typeof events[0]!.atMs).toBe('number');
  });

  it('lists newest first (by id)', async () => {
    const { events } = await queryAuditEvents({ limit: 5 });
    const ids = events.map((e) => Number(e.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
  });

  it('pages with a keyset cursor without gaps or repeats', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Awaited<ReturnType<typeof queryAuditEvents>> = await queryAuditEvents({
        action: 'participant.removed',
        limit: 7,
        cursor,
      });
      seen.push(...page.events.map((e) => e.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(4); // 27 rows: 7 + 7 + 7 + 6
    expect(new Set(seen).size).toBe(27);
    expect(seen).toHaveLength(27);
  });

  it('says there is no next page when the last page is exactly full', async () => {
    const page = await queryAuditEvents({ action: 'track.muted', limit: 3 });
    expect(page.events).toHaveLength(3);
    expect(page.nextCursor).toBeNull();
  });

  it('filters by action, room, identity, outcome, source and tenant', async () => {
    expect(
      (await queryAuditEvents({ action: 'track.muted' })).events.map((e) => e.trackSid),
    ).toEqual(['TR_20', 'TR_10', 'TR_0']);
    expect((await queryAuditEvents({ roomName: 'town-hall' })).events).toHaveLength(1);
    expect((await queryAuditEvents({ identity: 'user-3' })).events[0]?.identity).toBe('user-3');
    expect((await queryAuditEvents({ outcome: 'denied' })).events[0]?.errorCode).toBe('forbidden');
    expect((await queryAuditEvents({ outcome: 'error' })).events).toHaveLength(1);
    expect((await queryAuditEvents({ source: 'api' })).events[0]?.roomName).toBe('town-hall');
    expect((await queryAuditEvents({ tenant: 'acme' })).events[0]?.actorName).toBe('grace');
  });

  it('filters by an inclusive time range', async () => {
    const { events } = await queryAuditEvents({ fromMs: T0 + 10_000, toMs: T0 + 12_000 });
    expect(events.map((e) => e.atMs)).toEqual([T0 + 12_000, T0 + 11_000, T0 + 10_000]);
  });

  it('matches the actor by a substring of a username, never of a display name', async () => {
    expect((await queryAuditEvents({ actor: 'GRA' })).events).toHaveLength(1);
    // "Hopper" is only grace's display name: display names are not unique, so not searched.
    expect((await queryAuditEvents({ actor: 'hopper' })).events).toEqual([]);
    // LIKE wildcards are taken literally.
    expect((await queryAuditEvents({ actor: '%_' })).events.map((e) => e.actorName)).toEqual([
      '100%_real',
    ]);
    expect((await queryAuditEvents({ actor: 'zzz' })).events).toEqual([]);
  });

  it('matches a family of actions by its prefix', async () => {
    const muted = await queryAuditEvents({ action: 'track.*' });
    expect(muted.events.map((e) => e.trackSid)).toEqual(['TR_20', 'TR_10', 'TR_0']);
    // The dot is part of the prefix, and wildcards in it are literal.
    expect((await queryAuditEvents({ action: 'track' })).events).toEqual([]);
    expect((await queryAuditEvents({ action: 'trac.*' })).events).toEqual([]);
    expect((await queryAuditEvents({ action: '%.*' })).events).toEqual([]);
  });

  it('sorts on the server by a column, both ways, with id breaking ties', async () => {
    const byActor = (await queryAuditEvents({ sort: 'actor.asc', limit: 100 })).events;
    expect(byActor.map((e) => e.actorName).slice(0, 3)).toEqual(['100%_real', 'cli:root', 'grace']);
    const moderators = byActor.filter((e) => e.actorName === 'moderator').map((e) => Number(e.id));
    expect(moderators).toEqual([...moderators].sort((a, b) => a - b));

    const oldest = (await queryAuditEvents({ sort: 'time.asc', limit: 2 })).events;
    expect(oldest.map((e) => e.atMs)).toEqual([T0 - 1, T0]);

    // Nulls sort as the empty string: first ascending, last descending.
    const byTarget = (await queryAuditEvents({ sort: 'target.desc', limit: 100 })).events;
    expect(byTarget[0]?.roomName).toBe('town-hall');
    expect(byTarget.at(-1)?.roomName).toBeNull();
  });

  it.each(['actor.asc', 'target.desc', 'time.asc', 'outcome.desc'] as const)(
    'pages %s with its own cursor without gaps or repeats',
    async (sort) => {
      const all = (await queryAuditEvents({ sort, limit: 100 })).events.map((e) => e.id);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: Awaited<ReturnType<typeof queryAuditEvents>> = await queryAuditEvents({
          sort,
          limit: 4,
          cursor,
        });
        seen.push(...page.events.map((e) => e.id));
        cursor = page.nextCursor;
      } while (cursor && seen.length <= all.length);
      expect(seen).toEqual(all);
    },
  );

  it('starts over when given the cursor of another sort', async () => {
    const { nextCursor } = await queryAuditEvents({ sort: 'actor.asc', limit: 2 });
    const first = await queryAuditEvents({ sort: 'time.desc', limit: 2 });
    const again = await queryAuditEvents({ sort: 'time.desc', limit: 2, cursor: nextCursor });
    expect(again.events).toEqual(first.events);
  });

  it('combines filters and clamps the page size', async () => {
    const { events } = await queryAuditEvents({ actor: 'moderator', outcome: 'success', limit: 0 });
    expect(events).toHaveLength(1);
    const all = await queryAuditEvents({ limit: 100_000 });
    expect(all.events.length).toBe(31);
    expect(all.nextCursor).toBeNull();
  });

  it('ignores a malformed cursor', async () => {
    const { events } = await queryAuditEvents({ cursor: 'drop table', limit: 2 });
    expect(events).toHaveLength(2);
  });
});
