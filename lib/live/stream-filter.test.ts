import { describe, expect, it } from 'vitest';

import type { LiveEvent } from '@/lib/contracts/live-events';

import { createMemoryBus } from './bus';
import { ReplayBuffer, type BufferedEvent } from './replay-buffer';
import { actor, events } from './sse-test-fixtures';
import { deliveryFor } from './stream-filter';

/** Publishes events through a bus into a buffer and returns what each actor's stream gets. */
function streamOf(...published: Parameters<ReturnType<typeof createMemoryBus>['publish']>[0][]) {
  const bus = createMemoryBus('inst');
  const buffer = new ReplayBuffer(100);
  buffer.follow(bus);
  const entries: BufferedEvent[] = [];
  buffer.subscribe((e) => entries.push(e));
  for (const event of published) bus.publish(event);
  return (who: ReturnType<typeof actor>) =>
    entries.map((e) => deliveryFor(who, e)).filter((e): e is LiveEvent => e !== null);
}

const tenantA = actor('admin', 'A');
const tenantB = actor('admin', 'B');
const global = actor('admin', null);

describe('deliveryFor', () => {
  it('never gives a tenant user another tenant’s events', () => {
    const get = streamOf(
      events.started('a-room', 'A'),
      events.joined('a-room', 'A', 'alice'),
      events.started('b-room', 'B'),
      events.joined('b-room', 'B', 'bob'),
      events.action('b-room', 'B'),
      events.finished('b-room', 'B'),
      events.started('none', null),
    );

    expect(get(tenantA).map((e) => e.roomName)).toEqual(['a-room', 'a-room']);
    expect(get(tenantB).map((e) => e.roomName)).toEqual(['b-room', 'b-room', 'b-room', 'b-room']);
    expect(get(global)).toHaveLength(7);
  });

  it('tells the old tenant a room moved away only as a removal, with nothing of the new state', () => {
    const get = streamOf(
      events.started('r', 'A'),
      events.updated('r', 'B', '{"auth_id":"B","secret":"new title"}'),
      events.joined('r', 'B', 'bob'),
    );

    const seenByA = get(tenantA);
    expect(seenByA.map((e) => e.type)).toEqual(['room.started', 'room.finished']);
    const removal = seenByA[1]!;
    expect(removal).toEqual({
      id: 'inst-2',
      atMs: expect.any(Number),
      origin: 'webhook',
      roomName: 'r',
      tenant: 'A',
      type: 'room.finished',
      roomSid: 'RM_r',
    });
    expect(JSON.stringify(seenByA)).not.toContain('secret');
    expect(JSON.stringify(seenByA)).not.toContain('"B"');

    // The new tenant sees the room arrive (their list gains a row) and what follows.
    expect(get(tenantB).map((e) => e.type)).toEqual(['room.updated', 'participant.joined']);
    expect(get(global).map((e) => e.type)).toEqual([
      'room.started',
      'room.updated',
      'participant.joined',
    ]);
  });

  it('says nothing of a room whose earlier tenant is unknown or was never visible', () => {
    // Tenant C never saw this room: no "finished" that would reveal it exists.
    const get = streamOf(events.started('r', 'A'), events.updated('r', 'B'));
    expect(get(actor('admin', 'C'))).toEqual([]);
    // Unknown earlier tenant (room older than this process): no removal is invented.
    const unknown = streamOf(events.updated('old', 'B'));
    expect(unknown(tenantA)).toEqual([]);
  });

  it('gives a room that moves back its row again', () => {
    const get = streamOf(
      events.started('r', 'A'),
      events.updated('r', 'B'),
      events.updated('r', 'A'),
    );
    expect(get(tenantA).map((e) => e.type)).toEqual([
      'room.started',
      'room.finished',
      'room.updated',
    ]);
  });

  it('applies an API key’s room list too', () => {
    const get = streamOf(events.started('mine', null), events.started('other', null));
    expect(get(actor('admin', null, ['mine'])).map((e) => e.roomName)).toEqual(['mine']);
  });

  it('sends moderator actions to moderators and auditors of the room’s tenant, not to viewers', () => {
    const get = streamOf(events.action('a-room', 'A'));
    expect(get(actor('moderator', 'A'))).toHaveLength(1);
    expect(get(actor('admin', 'A'))).toHaveLength(1);
    expect(get(actor('viewer', 'A'))).toEqual([]);
    expect(get(actor('admin', 'B'))).toEqual([]);
    expect(get(actor('viewer', null))).toEqual([]);
  });

  it('gives an actor without rooms.read nothing', () => {
    const get = streamOf(events.started('r', null));
    expect(get({ ...global, permissions: new Set() })).toEqual([]);
  });
});
