import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

import { BAN_NOTICE_TOPIC } from '@/lib/contracts/bans';
import { queryAuditEvents } from '@/lib/db/audit';
import { insertBan } from '@/lib/db/bans';
import { banParticipant } from '@/lib/domain/bans/ban-participant';
import { liftBan } from '@/lib/domain/bans/lift-ban';
import { runOperation as run } from '@/lib/domain/run-operation';
import { listParticipants, listRooms } from '@/lib/livekit/room-service';
import { received, testActor, uniqueRoom, type TestLiveKit } from '@/test/standin';
import { startWebhookedLiveKit, type WebhookedLiveKit } from '@/test/webhooked-livekit';

import { BanEnforcer } from './ban-enforcer';
import { createMemoryBus, type LiveBus } from './bus';

// A banned identity that rejoins is removed again: the stand-in's real webhooks reach a real
// receiver on a bus the enforcer listens to; with webhooks off, the leader's sweep removes it.
let hooks: WebhookedLiveKit;
let lk: TestLiveKit;
let bus: LiveBus;
let enforcer: BanEnforcer;
let roomName: string;
const moderator = testActor('moderator');
const source = { listRooms: () => listRooms(), listParticipants };

beforeAll(async () => {
  hooks = await startWebhookedLiveKit();
  ({ lk, bus } = hooks);
  // Not started: no sweep runs unless a test calls it, so each path is tested on its own.
  enforcer = new BanEnforcer({ bus, isLeader: () => true, source, intervalMs: 60_000 });
});
afterAll(async () => {
  await enforcer?.close();
  await hooks?.close();
});

beforeEach(async () => {
  hooks.setWebhooks(true);
  roomName = uniqueRoom('acme');
  await lk.rooms.createRoom({ name: roomName, metadata: JSON.stringify({ auth_id: 'acme' }) });
  await lk.join({ room: roomName, identity: 'mallory', name: 'Mallory' });
  await lk.join({ room: roomName, identity: 'bob' });
  // Their joins' webhooks must not arrive after a test's ban and count as a rejoin.
  await settledJoin(roomName, 'mallory');
  await settledJoin(roomName, 'bob');
});

async function identities(room = roomName): Promise<string[]> {
  return (await lk.rooms.listParticipants(room)).map((p) => p.identity);
}

/** Waits until the join's webhook was published and every enforcement it caused has finished. */
async function settledJoin(room: string, identity: string, times = 1): Promise<void> {
  await hooks.joinPublished(room, identity, times);
  await enforcer.idle();
}

async function ban(identity: string, extra: Record<string, unknown> = {}) {
  return (
    await run(banParticipant, moderator, {
      roomName,
      identity,
      reason: 'No spam here',
      durationSeconds: 3600,
      ...extra,
    })
  ).ban;
}

async function enforcedRows(banId: string) {
  const { events } = await queryAuditEvents({ roomName, action: 'participant.ban_enforced' });
  return events.filter((e) => (e.params as { banId?: string } | null)?.banId === banId);
}

describe('with webhooks', () => {
  it('removes a banned identity again the moment it rejoins, telling it why first', async () => {
    const { id } = await ban('mallory');
    await lk.join({ room: roomName, identity: 'mallory', name: 'Mallory' });
    await vi.waitFor(
      async () => {
        expect(await identities()).toEqual(['bob']);
      },
      { timeout: 10_000, interval: 20 },
    );
    await enforcer.idle();

    // Two notices, each followed by its removal: the ban's, then the rejoin's.
    const log = (await received(lk, roomName, 'mallory')).filter(
      (e) => e.type === 'leave' || (e.type === 'data' && e.topic === BAN_NOTICE_TOPIC),
    );
    expect(log.map((e) => e.type)).toEqual(['data', 'leave', 'data', 'leave']);

    const rows = await enforcedRows(id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      outcome: 'success',
      source: 'system',
      actorName: 'ban enforcement',
      identity: 'mallory',
      tenant: 'acme',
      params: expect.objectContaining({ banId: id, via: 'webhook' }),
    });
  });

  it('removes anyone whose name matches the ban’s pattern', async () => {
    const { id } = await ban('mallory', { namePattern: 'mal*' });
    await lk.join({ room: roomName, identity: 'mallory-2', name: 'MALLORY in disguise' });
    await vi.waitFor(async () => expect(await identities()).toEqual(['bob']), {
      timeout: 10_000,
      interval: 20,
    });
    await enforcer.idle();
    expect((await enforcedRows(id))[0]).toMatchObject({ identity: 'mallory-2' });
  });

  it('does nothing for an expired ban, a lifted ban, or another tenant’s room', async () => {
    const nowMs = Date.now();
    await insertBan({
      identity: 'eve',
      namePattern: null,
      roomName,
      tenant: 'acme',
      reason: 'Over',
      createdBy: 'mod',
      createdAtMs: nowMs - 120_000,
      expiresAtMs: nowMs - 60_000,
    });
    await lk.join({ room: roomName, identity: 'eve' });
    await settledJoin(roomName, 'eve');

    const lifted = await ban('mallory');
    await run(liftBan, moderator, { banId: lifted.id });
    await lk.join({ room: roomName, identity: 'mallory' });
    await settledJoin(roomName, 'mallory', 2);

    // An acme ban for every acme room leaves a globex room alone.
    const acme = await run(banParticipant, testActor('moderator', 'acme'), {
      roomName,
      identity: 'carol',
      reason: 'acme only',
      durationSeconds: null,
      scope: 'all_rooms',
    });
    try {
      const globexRoom = uniqueRoom('globex');
      await lk.rooms.createRoom({
        name: globexRoom,
        metadata: JSON.stringify({ auth_id: 'globex' }),
      });
      await lk.join({ room: globexRoom, identity: 'carol' });
      await settledJoin(globexRoom, 'carol');

      expect(await identities()).toEqual(expect.arrayContaining(['eve', 'mallory']));
      expect(await identities(globexRoom)).toEqual(['carol']);
      expect(await enforcer.sweep()).toBe(0);
      expect(await identities(globexRoom)).toEqual(['carol']);
    } finally {
      await run(liftBan, moderator, { banId: acme.ban.id });
    }
  });
});

describe('with webhooks off', () => {
  it('removes the rejoined identity at the leader’s next sweep, once across instances', async () => {
    hooks.setWebhooks(false);
    const { id } = await ban('mallory');
    await lk.join({ room: roomName, identity: 'mallory' });
    expect(await identities()).toContain('mallory');

    // Two instances sweeping at once (a leadership hand-over): one removes, the other finds
    // nobody to remove and stays quiet.
    const other = new BanEnforcer({
      bus: createMemoryBus(),
      isLeader: () => true,
      source,
      intervalMs: 60_000,
    });
    const [a, b] = await Promise.all([enforcer.sweep(), other.sweep()]);
    await other.close();
    expect(a + b).toBe(1);
    expect(await identities()).toEqual(['bob']);
    expect(await enforcedRows(id)).toHaveLength(1);
    expect((await enforcedRows(id))[0]).toMatchObject({
      params: expect.objectContaining({ via: 'sweep' }),
    });
    const log = await received(lk, roomName, 'mallory');
    // The ban's notice, and the rejoin's (the losing sweep may have sent its own before finding
    // nobody to remove: a notice is harmless, a second removal would not be).
    const notices = log.filter((e) => e.type === 'data' && e.topic === BAN_NOTICE_TOPIC);
    expect(notices.length).toBeGreaterThanOrEqual(2);
    expect(log.filter((e) => e.type === 'leave')).toHaveLength(2);
  });

  it('never holds up whoever publishes the join: the removal runs after publish returns', async () => {
    hooks.setWebhooks(false);
    await ban('mallory');
    await lk.join({ room: roomName, identity: 'mallory' });
    const participant = (await listParticipants(roomName)).find((p) => p.identity === 'mallory')!;
    // As the webhook receiver does: publish and answer at once.
    bus.publish({
      type: 'participant.joined',
      atMs: Date.now(),
      origin: 'webhook',
      roomName,
      tenant: 'acme',
      participant,
    });
    expect(enforcer.busy).toBe(true);
    await enforcer.idle();
    expect(enforcer.busy).toBe(false);
    expect(await identities()).toEqual(['bob']);
  });

  it('removes someone who renames themselves to a banned name pattern', async () => {
    hooks.setWebhooks(false);
    const { id } = await ban('mallory', { namePattern: '*spam*' });
    await lk.rooms.updateParticipant(roomName, 'bob', { name: 'Buy SPAM now' });
    const bob = (await listParticipants(roomName)).find((p) => p.identity === 'bob')!;
    // As reconciliation of a watched room, or an action's read-back, reports the rename.
    bus.publish({
      type: 'participant.updated',
      atMs: Date.now(),
      origin: 'reconcile',
      roomName,
      tenant: 'acme',
      participant: bob,
      changed: ['name'],
    });
    await enforcer.idle();
    expect(await identities()).toEqual([]);
    expect((await enforcedRows(id))[0]).toMatchObject({ identity: 'bob' });
  });

  it('runs its sweep on its own while leading', async () => {
    hooks.setWebhooks(false);
    await ban('mallory');
    await lk.join({ room: roomName, identity: 'mallory' });
    const looping = new BanEnforcer({
      bus: createMemoryBus(),
      isLeader: () => true,
      source,
      intervalMs: 250,
    });
    looping.start();
    try {
      await vi.waitFor(async () => expect(await identities()).toEqual(['bob']), {
        timeout: 10_000,
        interval: 50,
      });
    } finally {
      await looping.close();
    }
  });
});
