import { describe, expect, it } from 'vitest';

import type { ParticipantDto } from '@/lib/contracts/dto';

import type { ReconcileSource } from './reconciler-pass';
import { at, followedBus, participant, passOnce, room } from './reconciler-test-fixtures';
import { RoomBaseline } from './room-baseline';

function setup() {
  const live = followedBus();
  const { bus, known } = live;
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
    live,
    known,
    source,
    baseline: new RoomBaseline({ bus, known, source }),
    leave: (identity: string) => (listed = listed.filter((p) => p.identity !== identity)),
    calls: () => calls,
  };
}

describe('RoomBaseline', () => {
  it('lists a newly watched room, so a departure before the next tick is still reported', async () => {
    const { live, known, source, baseline, leave } = setup();
    await baseline.list('r');
    expect(
      known
        .participants('r')
        ?.map((p) => p.identity)
        .sort(),
    ).toEqual(['alice', 'bob']);

    // alice leaves before reconciliation's own first listing of the room.
    leave('alice');
    const events = await passOnce(live, source, { participantRooms: ['r'] });
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
