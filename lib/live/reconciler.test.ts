import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

import type { LiveEvent, NewLiveEvent } from '@/lib/contracts/live-events';
import { listParticipants, listRooms } from '@/lib/livekit/room-service';
import { startStandin } from '@moderato/livekit-standin';
import { startTestLiveKit, uniqueRoom, type TestLiveKit } from '@/test/standin';

import { createMemoryBus } from './bus';
import { KnownState } from './known-state';
import { soleLeadership } from './leader';
import { MAX_BACKOFF_MS, Reconciler, SWEEP_ROOMS_PER_TICK } from './reconciler';
import type { ReconcileSource } from './reconciler-pass';
import { recorder } from './reconciler-test-fixtures';

// Reconciliation alone (no webhooks) against the stand-in, through the real SDK over HTTP. Ticks
// are called directly: no timer runs, so nothing here sleeps.
let lk: TestLiveKit;
const INTERVAL = 2000;

beforeAll(async () => {
  lk = await startTestLiveKit();
});
afterAll(async () => {
  await lk?.close();
});

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

function setup(source: ReconcileSource = { listRooms, listParticipants }) {
  const bus = createMemoryBus();
  const known = new KnownState();
  known.follow(bus);
  const watched = new Set<string>();
  const missed: number[] = [];
  const log = { warn: vi.fn(), info: vi.fn() };
  const reconciler = new Reconciler({
    bus,
    known,
    source,
    watched: { all: async () => [...watched] },
    leadership: soleLeadership,
    health: { recordMissedByWebhooks: (count) => missed.push(count) },
    intervalMs: INTERVAL,
    log,
  });
  cleanups.push(() => reconciler.close());
  const events = recorder(bus);
  /** This room's events of the next tick, in order, as `type identity-or-room`. */
  const tickIn = async (roomName: string) => {
    events.clear();
    await reconciler.tick();
    return events.summary((e) => e.roomName === roomName && e.type !== 'room.updated');
  };
  /** What a webhook receiver does: drop what is stale, publish the rest. */
  const webhook = (event: NewLiveEvent): LiveEvent | null =>
    known.isStale(event) ? null : bus.publish(event);
  return { bus, known, watched, missed, log, reconciler, events, tickIn, webhook };
}

async function participantDto(roomName: string, identity: string) {
  const found = (await listParticipants(roomName)).find((p) => p.identity === identity);
  if (!found) throw new Error(`${identity} is not in ${roomName}`);
  return found;
}

describe('Reconciler without webhooks', () => {
  it('publishes joins, mutes, publishes, updates and leaves it finds, and counts them', async () => {
    const t = setup();
    const roomName = uniqueRoom('acme');
    await lk.rooms.createRoom({ name: roomName, metadata: JSON.stringify({ auth_id: 'acme' }) });
    await lk.join({
      room: roomName,
      identity: 'alice',
      tracks: [{ type: 'AUDIO', source: 'MICROPHONE' }],
    });

    // Baseline: the room is news to everyone, but not a webhook failure.
    expect(await t.tickIn(roomName)).toEqual([`room.started ${roomName}`]);
    expect(t.known.tenantOf(roomName)).toBe('acme');

    // First listing of a newly watched room: joined events (origin reconcile), not counted.
    t.watched.add(roomName);
    expect(await t.tickIn(roomName)).toEqual(['participant.joined alice']);
    expect(t.events.events.find((e) => e.type === 'participant.joined')).toMatchObject({
      origin: 'reconcile',
      tenant: 'acme',
      participant: { tracks: [{ source: 'MICROPHONE' }] },
    });

    const mic = await lk.control.track(roomName, 'alice', 'MICROPHONE');
    await lk.control.selfMute(roomName, 'alice', mic.sid!, true);
    await lk.join({ room: roomName, identity: 'bob' });
    expect(await t.tickIn(roomName)).toEqual(['track.muted alice', 'participant.joined bob']);

    await lk.control.publish(roomName, 'bob', { type: 'VIDEO', source: 'CAMERA' });
    await lk.rooms.updateParticipant(roomName, 'alice', { name: 'Alice', attributes: { a: '1' } });
    expect(await t.tickIn(roomName)).toEqual([
      'participant.updated alice [name,attributes]',
      'track.published bob',
    ]);

    await lk.control.leave(roomName, 'alice');
    expect(await t.tickIn(roomName)).toEqual(['participant.left alice UNKNOWN_REASON']);
    expect(await t.tickIn(roomName)).toEqual([]);
    // bob's join, bob's camera, alice's leave: each reported one tick after it was published.
    expect(t.missed.reduce((a, b) => a + b, 0)).toBe(3);
    expect(t.known.participants(roomName)?.map((p) => p.identity)).toEqual(['bob']);
  });

  it('does not count a webhook that arrives before the next tick', async () => {
    const t = setup();
    const roomName = uniqueRoom('late');
    await lk.rooms.createRoom({ name: roomName });
    t.watched.add(roomName);
    await t.tickIn(roomName);
    await t.tickIn(roomName);
    await lk.join({ room: roomName, identity: 'carol' });
    expect(await t.tickIn(roomName)).toEqual(['participant.joined carol']);
    const carol = await participantDto(roomName, 'carol');
    // The webhook was only slow: it comes after reconciliation published the join.
    t.webhook({
      type: 'participant.joined',
      atMs: Date.now(),
      origin: 'webhook',
      roomName,
      tenant: null,
      participant: carol,
    });
    await t.tickIn(roomName);
    expect(t.missed).toEqual([]);
  });

  it('heals a participant_left delivered before participant_joined, and a lost participant_left', async () => {
    const t = setup();
    const roomName = uniqueRoom('order');
    await lk.rooms.createRoom({ name: roomName });
    t.watched.add(roomName);
    await t.tickIn(roomName);
    const base = { atMs: Date.now(), origin: 'webhook' as const, roomName, tenant: null };

    // Out of order: dave joins and leaves; the left webhook is delivered before the joined one.
    await lk.join({ room: roomName, identity: 'dave' });
    const dave = await participantDto(roomName, 'dave');
    await lk.control.leave(roomName, 'dave');
    const leftEvent: NewLiveEvent = {
      ...base,
      type: 'participant.left',
      identity: 'dave',
      participantSid: dave.sid,
      reason: 'CLIENT_INITIATED',
    };
    expect(t.webhook(leftEvent)).not.toBeNull();
    expect(t.webhook({ ...base, type: 'participant.joined', participant: dave })).toBeNull();
    expect(await t.tickIn(roomName)).toEqual([]);
    expect(t.known.participant(roomName, 'dave')).toBeUndefined();

    // Lost: erin's joined webhook arrives, her participant_left never does.
    await lk.join({ room: roomName, identity: 'erin' });
    t.webhook({
      ...base,
      type: 'participant.joined',
      participant: await participantDto(roomName, 'erin'),
    });
    await lk.control.leave(roomName, 'erin');
    expect(await t.tickIn(roomName)).toEqual(['participant.left erin UNKNOWN_REASON']);
    expect(t.known.participant(roomName, 'erin')).toBeUndefined();
    await t.tickIn(roomName);
    expect(t.missed).toEqual([1]);
  });

  it('finishes a room LiveKit no longer lists, its participants leaving first', async () => {
    const t = setup();
    const roomName = uniqueRoom('gone');
    await lk.rooms.createRoom({ name: roomName });
    await lk.join({ room: roomName, identity: 'fay' });
    t.watched.add(roomName);
    await t.tickIn(roomName);
    await lk.rooms.deleteRoom(roomName);
    expect(await t.tickIn(roomName)).toEqual([
      'participant.left fay UNKNOWN_REASON',
      `room.finished ${roomName}`,
    ]);
    expect(t.known.tenantOf(roomName)).toBeUndefined();
  });
});

describe('Reconciler and rooms nobody watches', () => {
  it('lists each one’s participants once, a few rooms a tick, as a baseline for history', async () => {
    let listedThisTick: string[] = [];
    const t = setup({
      listRooms,
      listParticipants: (roomName) => {
        listedThisTick.push(roomName);
        return listParticipants(roomName);
      },
    });
    // People already in rooms when Moderato starts: no webhook will ever tell of them.
    const names = Array.from({ length: SWEEP_ROOMS_PER_TICK + 2 }, () => uniqueRoom('sweep'));
    for (const name of names) {
      await lk.rooms.createRoom({ name });
      await lk.join({ room: name, identity: 'early' });
    }

    const joined = new Set<string>();
    for (let tick = 0; tick < 10 && joined.size < names.length; tick += 1) {
      listedThisTick = [];
      t.events.clear();
      await t.reconciler.tick();
      expect(listedThisTick.length).toBeLessThanOrEqual(SWEEP_ROOMS_PER_TICK);
      for (const event of t.events.events) {
        if (event.type !== 'participant.joined' || !names.includes(event.roomName)) continue;
        expect(event).toMatchObject({ origin: 'reconcile', participant: { identity: 'early' } });
        joined.add(event.roomName);
      }
    }
    expect([...joined].sort()).toEqual([...names].sort());

    // Once: from now on the rooms' webhooks keep them current.
    listedThisTick = [];
    await t.reconciler.tick();
    expect(listedThisTick.filter((name) => names.includes(name))).toEqual([]);
    expect(t.missed).toEqual([]);
  });
});

describe('Reconciler while LiveKit is down', () => {
  it('backs off exponentially up to the cap, logs once, and recovers by itself', async () => {
    const own = await startTestLiveKit();
    cleanups.push(() => own.close());
    const t = setup();
    const roomName = uniqueRoom('outage');
    await own.rooms.createRoom({ name: roomName });
    expect(await t.tickIn(roomName)).toEqual([`room.started ${roomName}`]);

    await own.close();
    const delays: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      expect((await t.reconciler.tick()).ok).toBe(false);
      delays.push(t.reconciler.nextDelayMs());
    }
    expect(delays).toEqual([4000, 8000, 16000, MAX_BACKOFF_MS, MAX_BACKOFF_MS, MAX_BACKOFF_MS]);
    expect(t.log.warn).toHaveBeenCalledTimes(1);

    // The server comes back empty on the same address: the room it had is gone.
    const again = await startStandin({ port: own.standin.port, stallMs: 100 });
    cleanups.push(() => again.close());
    expect(await t.tickIn(roomName)).toEqual([`room.finished ${roomName}`]);
    expect(t.reconciler.nextDelayMs()).toBe(INTERVAL);
    expect(t.log.info).toHaveBeenCalledWith(expect.stringContaining('resumed'));
  });
});

describe('Reconciler loop', () => {
  it('ticks at once on start, then every interval, and stops cleanly', async () => {
    const scheduled: { fn: () => void; ms: number }[] = [];
    const timers = {
      set: (fn: () => void, ms: number) => scheduled.push({ fn, ms }),
      clear: () => {},
    };
    const bus = createMemoryBus();
    const ticked: number[] = [];
    const reconciler = new Reconciler({
      bus,
      known: new KnownState(),
      source: {
        listRooms: async () => {
          ticked.push(ticked.length);
          return [];
        },
        listParticipants: async () => [],
      },
      watched: { all: async () => [] },
      leadership: soleLeadership,
      health: { recordMissedByWebhooks: () => {} },
      intervalMs: INTERVAL,
      timers,
    });
    reconciler.start();
    expect(scheduled.map((s) => s.ms)).toEqual([0]);
    scheduled[0]!.fn();
    await vi.waitFor(() => expect(scheduled).toHaveLength(2));
    expect(scheduled[1]!.ms).toBe(INTERVAL);
    expect(ticked).toEqual([0]);
    await reconciler.close();
    // A timer that fires after stop (it was already due) neither ticks nor schedules again.
    scheduled[1]!.fn();
    await reconciler.stop();
    expect(ticked).toEqual([0]);
    expect(scheduled).toHaveLength(2);
  });
});
