import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

import { ROOM_LOCKED_TOPIC } from '@/lib/contracts/room-locks';
import { queryAuditEvents } from '@/lib/db/audit';
import { findRoomLock } from '@/lib/db/room-locks';
import { getRoomLock } from '@/lib/domain/room-locks/get-room-lock';
import { lockRoom } from '@/lib/domain/room-locks/lock-room';
import { unlockRoom } from '@/lib/domain/room-locks/unlock-room';
import { runOperation as run } from '@/lib/domain/run-operation';
import { listParticipants, listRooms } from '@/lib/livekit/room-service';
import { received, testActor, uniqueRoom, type TestLiveKit } from '@/test/standin';
import { startWebhookedLiveKit, type WebhookedLiveKit } from '@/test/webhooked-livekit';

import { createMemoryBus, type LiveBus } from './bus';
import { RoomLockEnforcer } from './room-lock-enforcer';

// A locked room removes a joiner: the stand-in's real webhooks reach a real receiver on a bus the
// enforcer listens to; with webhooks off, the leader's sweep removes them.
let hooks: WebhookedLiveKit;
let lk: TestLiveKit;
let bus: LiveBus;
let enforcer: RoomLockEnforcer;
let roomName: string;
const moderator = testActor('moderator');
const source = { listRooms: () => listRooms(), listParticipants };

beforeAll(async () => {
  hooks = await startWebhookedLiveKit();
  ({ lk, bus } = hooks);
  // Not started: no sweep runs unless a test calls it, so each path is tested on its own.
  enforcer = new RoomLockEnforcer({ bus, isLeader: () => true, source, intervalMs: 60_000 });
});
afterAll(async () => {
  await enforcer?.close();
  await hooks?.close();
});

beforeEach(async () => {
  hooks.setWebhooks(true);
  roomName = uniqueRoom('acme');
  await lk.rooms.createRoom({ name: roomName, metadata: JSON.stringify({ auth_id: 'acme' }) });
  await lk.join({ room: roomName, identity: 'alice' });
  await settledJoin(roomName, 'alice');
});

async function identities(room = roomName): Promise<string[]> {
  return (await lk.rooms.listParticipants(room)).map((p) => p.identity).sort();
}

/** Waits until the join's webhook was published and every enforcement it caused has finished. */
async function settledJoin(room: string, identity: string, times = 1): Promise<void> {
  await hooks.joinPublished(room, identity, times);
  await enforcer.idle();
}

async function enforcedRows() {
  const { events } = await queryAuditEvents({ roomName, action: 'participant.lock_enforced' });
  return events;
}

describe('with webhooks', () => {
  it('removes whoever joins a locked room, told why first; the allow-listed and moderators stay', async () => {
    await run(lockRoom, moderator, { roomName, allowList: ['vip'] });
    await lk.join({ room: roomName, identity: 'eve' });
    await lk.join({ room: roomName, identity: 'vip' });
    await lk.join({ room: roomName, identity: 'mod', attributes: { role: 'moderator' } });
    await lk.join({ room: roomName, identity: 'bot', kind: 'AGENT' });
    await vi.waitFor(
      async () => expect(await identities()).toEqual(['alice', 'bot', 'mod', 'vip']),
      { timeout: 10_000, interval: 20 },
    );
    await settledJoin(roomName, 'bot');

    const log = (await received(lk, roomName, 'eve')).filter(
      (e) => e.type === 'leave' || (e.type === 'data' && e.topic === ROOM_LOCKED_TOPIC),
    );
    expect(log.map((e) => e.type)).toEqual(['data', 'leave']);
    const rows = await enforcedRows();
    expect(rows).toEqual([
      expect.objectContaining({
        identity: 'eve',
        outcome: 'success',
        source: 'system',
        actorName: 'room lock',
        tenant: 'acme',
        params: expect.objectContaining({ via: 'webhook' }),
      }),
    ]);
  });

  it('lets a joiner stay once the room is unlocked', async () => {
    await run(lockRoom, moderator, { roomName });
    await run(unlockRoom, moderator, { roomName });
    await lk.join({ room: roomName, identity: 'eve' });
    await settledJoin(roomName, 'eve');
    expect(await identities()).toEqual(['alice', 'eve']);
    expect(await enforcedRows()).toEqual([]);
  });

  it('forgets the lock when the room ends', async () => {
    await run(lockRoom, moderator, { roomName });
    expect(await findRoomLock(roomName)).not.toBeNull();
    // As the webhook receiver (or reconciliation) reports the room finished.
    bus.publish({
      type: 'room.finished',
      atMs: Date.now(),
      origin: 'webhook',
      roomName,
      tenant: 'acme',
      roomSid: 'RM_gone',
    });
    await enforcer.idle();
    expect(await findRoomLock(roomName)).toBeNull();
    expect((await run(getRoomLock, moderator, { roomName })).locked).toBe(false);
  });
});

describe('with webhooks off', () => {
  it('removes the joiner at the leader’s next sweep, once across instances', async () => {
    hooks.setWebhooks(false);
    await run(lockRoom, moderator, { roomName });
    await lk.join({ room: roomName, identity: 'eve' });
    expect(await identities()).toEqual(['alice', 'eve']);

    // Two instances sweeping at once (a leadership hand-over): one removes, the other finds
    // nobody to remove and stays quiet.
    const other = new RoomLockEnforcer({
      bus: createMemoryBus(),
      isLeader: () => true,
      source,
      intervalMs: 60_000,
    });
    const [a, b] = await Promise.all([enforcer.sweep(), other.sweep()]);
    await other.close();
    expect(a + b).toBe(1);
    expect(await identities()).toEqual(['alice']);
    expect(await enforcedRows()).toEqual([
      expect.objectContaining({ params: expect.objectContaining({ via: 'sweep' }) }),
    ]);
    // Nothing more to do.
    expect(await enforcer.sweep()).toBe(0);
  });

  it('never holds up whoever publishes the join: the removal runs after publish returns', async () => {
    hooks.setWebhooks(false);
    await run(lockRoom, moderator, { roomName });
    await lk.join({ room: roomName, identity: 'eve' });
    const participant = (await listParticipants(roomName)).find((p) => p.identity === 'eve')!;
    // As reconciliation of a watched room publishes it.
    bus.publish({
      type: 'participant.joined',
      atMs: Date.now(),
      origin: 'reconcile',
      roomName,
      tenant: 'acme',
      participant,
    });
    expect(enforcer.busy).toBe(true);
    await enforcer.idle();
    expect(enforcer.busy).toBe(false);
    expect(await identities()).toEqual(['alice']);
  });

  it('a reconciliation listing of those already there removes nobody', async () => {
    hooks.setWebhooks(false);
    await run(lockRoom, moderator, { roomName });
    const alice = (await listParticipants(roomName)).find((p) => p.identity === 'alice')!;
    bus.publish({
      type: 'participant.joined',
      atMs: Date.now(),
      origin: 'reconcile',
      roomName,
      tenant: 'acme',
      participant: alice,
    });
    await enforcer.idle();
    expect(await identities()).toEqual(['alice']);
  });

  it('runs its sweep on its own while leading, and forgets locks of rooms that ended', async () => {
    hooks.setWebhooks(false);
    await run(lockRoom, moderator, { roomName });
    const ended = uniqueRoom('ended');
    await lk.rooms.createRoom({ name: ended });
    await run(lockRoom, moderator, { roomName: ended });
    await lk.rooms.deleteRoom(ended);
    await lk.join({ room: roomName, identity: 'eve' });
    const looping = new RoomLockEnforcer({
      bus: createMemoryBus(),
      isLeader: () => true,
      source,
      intervalMs: 250,
    });
    looping.start();
    try {
      await vi.waitFor(async () => expect(await identities()).toEqual(['alice']), {
        timeout: 10_000,
        interval: 50,
      });
      await vi.waitFor(async () => expect(await findRoomLock(ended)).toBeNull(), {
        timeout: 10_000,
        interval: 50,
      });
    } finally {
      await looping.close();
    }
  });
});
