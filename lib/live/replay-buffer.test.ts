import { describe, expect, it } from 'vitest';

import { createMemoryBus } from './bus';
import { ReplayBuffer } from './replay-buffer';
import { events } from './sse-test-fixtures';

describe('ReplayBuffer', () => {
  it('returns the events after a known id, oldest first, and null for an unknown one', () => {
    const bus = createMemoryBus('inst');
    const buffer = new ReplayBuffer(10);
    buffer.follow(bus);
    const first = bus.publish(events.started('a', null));
    bus.publish(events.joined('a', null, 'x'));
    bus.publish(events.joined('a', null, 'y'));

    expect(buffer.since(first.id)?.map((e) => e.event.id)).toEqual(['inst-2', 'inst-3']);
    expect(buffer.since('inst-3')).toEqual([]);
    expect(buffer.since('other-1')).toBeNull();
  });

  it('keeps only the last `capacity` events: an evicted id means start over', () => {
    const bus = createMemoryBus('inst');
    const buffer = new ReplayBuffer(3);
    buffer.follow(bus);
    for (let i = 0; i < 5; i += 1) bus.publish(events.joined('a', null, `p${i}`));

    expect(buffer.size).toBe(3);
    expect(buffer.since('inst-2')).toBeNull();
    expect(buffer.since('inst-3')?.map((e) => e.event.id)).toEqual(['inst-4', 'inst-5']);
  });

  it('memory stays bounded by the capacity whatever the traffic', () => {
    const bus = createMemoryBus('inst');
    const buffer = new ReplayBuffer(100);
    buffer.follow(bus);
    for (let i = 0; i < 10_000; i += 1) bus.publish(events.joined('a', null, `p${i}`));
    expect(buffer.size).toBe(100);
    expect(buffer.since('inst-9901')).toHaveLength(99);
    expect(buffer.since('inst-9900')).toBeNull();
  });

  it('records the tenant each room had before the event (what reveals a move)', () => {
    const buffer = new ReplayBuffer(10);
    const bus = createMemoryBus('inst');
    buffer.follow(bus);
    const seen: (string | null | undefined)[] = [];
    buffer.subscribe((entry) => seen.push(entry.previousTenant));

    bus.publish(events.started('a', 'A'));
    bus.publish(events.updated('a', 'B'));
    bus.publish(events.finished('a', 'B'));
    bus.publish(events.joined('b', 'C', 'x'));
    bus.publish(events.updated('b', 'C'));

    expect(seen).toEqual([undefined, 'A', 'B', undefined, 'C']);
  });

  it('fans out to subscribers until they unsubscribe, and ignores a repeated id', () => {
    const buffer = new ReplayBuffer(10);
    const bus = createMemoryBus('inst');
    buffer.follow(bus);
    const got: string[] = [];
    const unsubscribe = buffer.subscribe((entry) => got.push(entry.event.id));
    const event = bus.publish(events.started('a', null));
    buffer.push(event);
    unsubscribe();
    bus.publish(events.started('b', null));

    expect(got).toEqual(['inst-1']);
    expect(buffer.size).toBe(2);
    expect(buffer.listenerCount).toBe(0);
  });
});
