import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { observeAudit } from '@/lib/domain/audit-observers';
import { muteTrack } from '@/lib/domain/participants/mute-track';
import { deleteRoom } from '@/lib/domain/rooms/delete-room';
import { updateRoomMetadata } from '@/lib/domain/rooms/update-room-metadata';
import { runForEach, runOperation as run } from '@/lib/domain/run-operation';
import { listParticipants, listRooms } from '@/lib/livekit/room-service';
import { startTestLiveKit, testActor, uniqueRoom, type TestLiveKit } from '@/test/standin';

import { ActionEvents } from './action-events';
import { createMemoryBus } from './bus';
import { KnownState } from './known-state';
import { soleLeadership } from './leader';
import { Reconciler } from './reconciler';
import { recorder } from './reconciler-test-fixtures';

// Moderator actions through the real domain (audit included) against the stand-in: the action is
// on the bus as soon as the operation returns, its effect right after, with origin `action`.
let lk: TestLiveKit;
const admin = testActor('admin');
const acmeModerator = testActor('moderator', 'acme');
const globexModerator = testActor('moderator', 'globex');
const calls = { rooms: 0, participants: 0 };
const source = {
  listRooms: (names?: string[]) => {
    calls.rooms += 1;
    return listRooms(names);
  },
  listParticipants: (roomName: string) => {
    calls.participants += 1;
    return listParticipants(roomName);
  },
};

const bus = createMemoryBus();
const known = new KnownState();
known.follow(bus);
const events = recorder(bus);
// Real timers, except while a test holds them (to see a burst coalesce without racing the clock).
const held = new Set<() => void>();
let holding = false;
const timers = {
  set: (fn: () => void, ms: number): unknown => {
    if (!holding) return setTimeout(fn, ms);
    held.add(fn);
    return fn;
  },
  clear: (handle: unknown) => {
    if (typeof handle === 'function') held.delete(handle as () => void);
    else clearTimeout(handle as ReturnType<typeof setTimeout>);
  },
};
const actions = new ActionEvents({ bus, known, source, timers });
const reconciler = new Reconciler({
  bus,
  known,
  source: { listRooms, listParticipants },
  watched: { all: async () => [...watched] },
  leadership: soleLeadership,
  health: { recordMissedByWebhooks: () => {} },
  intervalMs: 2000,
  log: { warn: () => {}, info: () => {} },
});
const watched = new Set<string>();
let stopObserving: () => void;

beforeAll(async () => {
  lk = await startTestLiveKit();
  stopObserving = observeAudit((entry) => actions.onAudit(entry));
});
afterAll(async () => {
  stopObserving?.();
  actions.close();
  await reconciler.close();
  await lk?.close();
});
afterEach(async () => {
  await actions.settled();
});

/** A room of tenant acme with `count` participants, each with a microphone, known and watched. */
async function acmeRoom(count: number) {
  const roomName = uniqueRoom('acme');
  await lk.rooms.createRoom({ name: roomName, metadata: JSON.stringify({ auth_id: 'acme' }) });
  await lk.control.bulkJoin(
    Array.from({ length: count }, (_, i) => ({
      room: roomName,
      identity: `p${i}`,
      tracks: [{ type: 'AUDIO' as const, source: 'MICROPHONE' as const }],
    })),
  );
  watched.add(roomName);
  await reconciler.tick();
  const mics = new Map(
    (await listParticipants(roomName)).map((p) => [p.identity, p.tracks[0]!.sid]),
  );
  events.clear();
  return { roomName, mics };
}

const inRoom = (roomName: string) => (e: { roomName: string }) => e.roomName === roomName;

describe('moderator actions on the bus', () => {
  it('publishes the action at once with the room’s tenant, and a mute’s effect with it', async () => {
    const { roomName, mics } = await acmeRoom(2);
    const before = { ...calls };
    await run(muteTrack, acmeModerator, {
      roomName,
      identity: 'p0',
      trackSid: mics.get('p0'),
      muted: true,
    });
    expect(events.events.filter(inRoom(roomName))).toMatchObject([
      {
        type: 'moderation.action',
        origin: 'action',
        tenant: 'acme',
        action: 'track.muted',
        actorName: 'moderator',
        identity: 'p0',
        trackSid: mics.get('p0'),
        outcome: 'success',
      },
      { type: 'track.muted', origin: 'action', tenant: 'acme', identity: 'p0' },
    ]);
    await actions.settled();
    expect(events.summary(inRoom(roomName))).toEqual([
      'moderation.action track.muted success',
      'track.muted p0',
    ]);
    expect(known.participant(roomName, 'p0')?.tracks[0]?.muted).toBe(true);
    // LiveKit answered the mute with the track: nothing is read back.
    expect(calls).toEqual(before);
    // A reconciliation afterwards finds nothing new.
    await reconciler.tick();
    expect(events.summary(inRoom(roomName))).toHaveLength(2);
  });

  it('publishes a bulk of 50 mutes without reading the room back', async () => {
    const { roomName, mics } = await acmeRoom(50);
    const before = { ...calls };
    const inputs = [...mics].map(([identity, trackSid]) => ({
      roomName,
      identity,
      trackSid,
      muted: true,
    }));
    holding = true;
    const results = await runForEach(muteTrack, admin, inputs);
    holding = false;
    expect(results.every((r) => r.ok)).toBe(true);
    expect(held.size).toBe(0);
    await actions.settled();
    const muted = events.events.filter((e) => e.type === 'track.muted' && e.roomName === roomName);
    expect(muted).toHaveLength(50);
    expect(muted.every((e) => e.origin === 'action')).toBe(true);
    expect(calls).toEqual(before);
  });

  it('reads a mute back when the participant is not known here', async () => {
    const { roomName, mics } = await acmeRoom(1);
    known.forgetParticipants(roomName);
    const before = { ...calls };
    await run(muteTrack, acmeModerator, {
      roomName,
      identity: 'p0',
      trackSid: mics.get('p0'),
      muted: true,
    });
    await actions.settled();
    expect(calls.rooms - before.rooms).toBe(1);
    expect(events.summary(inRoom(roomName))).toEqual(['moderation.action track.muted success']);
  });

  it('gives a refused attempt on another tenant’s room to that room’s tenant', async () => {
    const { roomName, mics } = await acmeRoom(1);
    await run(muteTrack, globexModerator, {
      roomName,
      identity: 'p0',
      trackSid: mics.get('p0'),
      muted: true,
    }).catch(() => undefined);
    await actions.settled();
    expect(events.events.filter(inRoom(roomName))).toMatchObject([
      { type: 'moderation.action', tenant: 'acme', outcome: 'error', errorCode: 'not_found' },
    ]);
  });

  it('asks LiveKit for the tenant of a room it does not know yet', async () => {
    const roomName = uniqueRoom('fresh');
    await lk.rooms.createRoom({ name: roomName, metadata: JSON.stringify({ auth_id: 'acme' }) });
    await run(updateRoomMetadata, admin, {
      roomName,
      metadata: JSON.stringify({ auth_id: 'acme', topic: 'x' }),
    });
    await actions.settled();
    expect(events.events.filter(inRoom(roomName))).toMatchObject([
      { type: 'moderation.action', action: 'room.metadata_updated', tenant: 'acme' },
      { type: 'room.started', origin: 'action', tenant: 'acme' },
    ]);
  });

  it('finishes a deleted room at once, everyone leaving with ROOM_DELETED', async () => {
    const { roomName } = await acmeRoom(2);
    await run(deleteRoom, admin, { roomName });
    expect(events.summary(inRoom(roomName))).toEqual([
      'moderation.action room.deleted success',
      'participant.left p0 ROOM_DELETED',
      'participant.left p1 ROOM_DELETED',
      `room.finished ${roomName}`,
    ]);
    expect(known.tenantOf(roomName)).toBeUndefined();
  });
});
