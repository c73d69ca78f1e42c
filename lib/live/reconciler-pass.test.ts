import { describe, expect, it } from 'vitest';

import type { ParticipantDto } from '@/lib/contracts/dto';

import type { ReconcileSource } from './reconciler-pass';
import {
  at,
  followedBus,
  participant,
  passOnce,
  recorder,
  room,
  track,
} from './reconciler-test-fixtures';

// LiveKit's answer can be older than a webhook that arrives while the pass waits for it.
describe('reconcilePass', () => {
  it('leaves rows that a bus event touched during the fetch to the next tick', async () => {
    const live = followedBus();
    const { bus, known } = live;
    const base = { ...at, roomName: 'r', tenant: null };
    bus.publish({ ...base, type: 'room.started', room: room('r') });
    bus.publish({ ...base, type: 'participant.joined', participant: participant('old') });
    const late = participant('late');
    const source: ReconcileSource = {
      listRooms: async () => [room('r')],
      // Listed before `late` joined; its participant_joined webhook lands while we wait.
      listParticipants: async (): Promise<ParticipantDto[]> => {
        const answer = [participant('old')];
        bus.publish({ ...base, origin: 'webhook', type: 'participant.joined', participant: late });
        return answer;
      },
    };
    const events = recorder(bus);
    const emitted = await passOnce(live, source, { participantRooms: ['r'] });
    expect(emitted).toEqual([]);
    expect(events.summary()).toEqual(['participant.joined late']);
    expect(
      known
        .participants('r')
        ?.map((p) => p.identity)
        .sort(),
    ).toEqual(['late', 'old']);
  });

  it('scopes a targeted pass to its room: other known rooms are not finished', async () => {
    const live = followedBus();
    const { bus, known } = live;
    for (const name of ['a', 'b']) {
      bus.publish({ ...at, roomName: name, tenant: null, type: 'room.started', room: room(name) });
    }
    const source: ReconcileSource = { listRooms: async () => [], listParticipants: async () => [] };
    const emitted = await passOnce(
      live,
      source,
      { roomNames: ['a'], participantRooms: [] },
      { ...at, origin: 'action' },
    );
    expect(emitted.map((e) => `${e.type} ${e.roomName} ${e.origin}`)).toEqual([
      'room.finished a action',
    ]);
    expect(known.rooms().map((r) => r.room.name)).toEqual(['b']);
  });

  it('reports a listed participant that an event touched but the known state lacks', async () => {
    const live = followedBus();
    const { bus, known } = live;
    const base = { ...at, roomName: 'r', tenant: null };
    bus.publish({ ...base, type: 'room.started', room: room('r') });
    const alice = participant('alice');
    const camera = track('TR_x');
    const source: ReconcileSource = {
      listRooms: async () => [room('r')],
      listParticipants: async (): Promise<ParticipantDto[]> => {
        // An event about alice lands while we wait, but tells the known state nothing of her.
        bus.publish({
          ...base,
          type: 'track.unpublished',
          identity: 'alice',
          participantSid: alice.sid,
          track: camera,
        });
        return [alice];
      },
    };
    await passOnce(live, source, { participantRooms: ['r'] });
    // Known now, so her departure can be reported by the next pass.
    expect(known.participants('r')?.map((p) => p.identity)).toEqual(['alice']);
    const left = await passOnce(
      live,
      { ...source, listParticipants: async () => [] },
      { participantRooms: ['r'] },
    );
    expect(left.map((e) => `${e.type} ${'identity' in e ? e.identity : ''}`)).toEqual([
      'participant.left alice',
    ]);
  });

  it('leaves a room whose session started or finished during the fetch to the next tick', async () => {
    const live = followedBus();
    const { bus, known } = live;
    const base = { ...at, roomName: 'r', tenant: null };
    bus.publish({ ...base, type: 'room.started', room: room('r') });
    const source: ReconcileSource = {
      listRooms: async () => [room('r')],
      listParticipants: async (): Promise<ParticipantDto[]> => {
        // Listed, then the room finished before the answer was used.
        bus.publish({ ...base, type: 'room.finished', roomSid: room('r').sid });
        return [participant('alice')];
      },
    };
    const emitted = await passOnce(live, source, { participantRooms: ['r'] });
    expect(emitted.filter((e) => e.type.startsWith('participant.'))).toEqual([]);
    expect(known.participants('r')).toBeUndefined();
  });

  it('still lists the participants when the room’s own start is published during the fetch', async () => {
    // Another pass (reconciliation's tick) reports the room as it starts being watched.
    const live = followedBus();
    const { bus, known } = live;
    const base = { ...at, roomName: 'r', tenant: null };
    const source: ReconcileSource = {
      listRooms: async () => [room('r')],
      listParticipants: async (): Promise<ParticipantDto[]> => {
        bus.publish({ ...base, type: 'room.started', room: room('r') });
        return [participant('alice')];
      },
    };
    await passOnce(live, source, { roomNames: ['r'], participantRooms: ['r'] });
    expect(known.participants('r')?.map((p) => p.identity)).toEqual(['alice']);
  });

  it('leaves the participants of a room restarted during the fetch to the next tick', async () => {
    const live = followedBus();
    const { bus, known } = live;
    const base = { ...at, roomName: 'r', tenant: null };
    const source: ReconcileSource = {
      listRooms: async () => [room('r')],
      listParticipants: async (): Promise<ParticipantDto[]> => {
        // A new session of the same name: the listing may belong to either.
        bus.publish({ ...base, type: 'room.started', room: room('r', { sid: 'RM_next' }) });
        return [participant('alice')];
      },
    };
    const emitted = await passOnce(live, source, { roomNames: ['r'], participantRooms: ['r'] });
    expect(emitted.filter((e) => e.type.startsWith('participant.'))).toEqual([]);
    // Not marked known-empty either: the next tick lists the new session's participants afresh.
    expect(known.participants('r')).toBeUndefined();
  });
});
