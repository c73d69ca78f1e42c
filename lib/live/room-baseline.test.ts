import { describe, expect, it } from 'vitest';

import type { ParticipantDto } from '@/lib/contracts/dto';

import { createMemoryBus } from './bus';
import { KnownState } from './known-state';
import { reconcilePass, TouchTracker, type ReconcileSource } from './reconciler-pass';
import { RoomBaseline } from './room-baseline';
import { at, participant, room } from './reconciler-test-fixtures';

function setup() {
  const bus = createMemoryBus();
  const known = new KnownState();
  known.follow(bus);
  // LiveKit has the room with alice and bob; reconciliation has seen the room, not its people.
  bus.publish({ ...at, roomName: 'r', tenant: null, type: 'room.started', room: room('r') });
  let listed: ParticipantDto[] = [participant('alice'), participant('bob')];
  let calls = 0;
  const source: ReconcileSource = {
    listRooms: async () => [room('r')],
    listParticipants: async () => {
      calls += 1;
      return listed;
    },
  };
  return {
    bus,
    known,
    source,
    baseline: new RoomBaseline({ bus, known, source }),
    leave: (identity: string) => (listed = listed.filter((p) => p.identity !== identity)),
    calls: () => calls,
  };
}

describe('RoomBaseline', () => {
  it('lists a newly watched room, so a departure before the next tick is still reported', async () => {
    const { bus, known, source, baseline, leave } = setup();
    await baseline.list('r');
    expect(
      known
        .participants('r')
        ?.map((p) => p.identity)
        .sort(),
    ).toEqual(['alice', 'bob']);

    // alice leaves before reconciliation's own first listing of the room.
    leave('alice');
    const events = await reconcilePass(
      { source, known, touches: new TouchTracker(bus) },
      { participantRooms: ['r'], concurrency: 1 },
      at,
      (e) => bus.publish(e),
    );
    expect(events.map((e) => `${e.type} ${'identity' in e ? e.identity : ''}`)).toEqual([
      'participant.left alice',
    ]);
  });

  it('shares one listing between streams that open on the same room together', async () => {
    const { baseline, calls } = setup();
    await Promise.all([baseline.list('r'), baseline.list('r'), baseline.list('r')]);
    expect(calls()).toBe(1);
    await baseline.list('r');
    expect(calls()).toBe(2);
  });
});
