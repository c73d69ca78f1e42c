import 'server-only';

import { randomBytes } from 'node:crypto';

import type { LiveEvent, NewLiveEvent } from '@/lib/contracts/live-events';

export type LiveListener = (event: LiveEvent) => void;

/**
 * Carries live events to every listener of every instance. `publish` delivers to this instance's
 * listeners synchronously (so a moderator's own action shows at once) and, on a shared bus, to the
 * other instances' listeners too. Listeners must not throw and must not block: the SSE fan-out,
 * the known-state tracker and the history recorder each queue their own work.
 */
export interface LiveBus {
  /** This process's id: part of every event id it assigns, and how it skips its own echoes. */
  readonly instanceId: string;
  /** Assigns the event its id, delivers it everywhere and returns it. */
  publish(event: NewLiveEvent): LiveEvent;
  subscribe(listener: LiveListener): () => void;
  close(): Promise<void>;
}

/** Random per process start, so ids never collide across instances or restarts. */
export function newInstanceId(): string {
  return randomBytes(4).toString('hex');
}

/**
 * Local fan-out shared by both buses. Event ids are `<instance>-<sequence>`: unique across a
 * deployment without coordination; their order matters only inside one instance's replay buffer.
 */
export class LocalFanout {
  private readonly listeners = new Set<LiveListener>();
  private sequence = 0;

  constructor(readonly instanceId: string) {}

  stamp(event: NewLiveEvent): LiveEvent {
    this.sequence += 1;
    return { ...event, id: `${this.instanceId}-${this.sequence}` } as LiveEvent;
  }

  /** Whether this instance published the event (received it from LiveKit or saw it itself). */
  static isOwn(instanceId: string, event: LiveEvent): boolean {
    return event.id.startsWith(`${instanceId}-`);
  }

  deliver(event: LiveEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (err) {
        console.error('[moderato] live: a listener failed', err);
      }
    }
  }

  subscribe(listener: LiveListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/**
 * Whether `bus`'s own instance published the event: what listeners that must act once per
 * deployment (history, enforcement) act on, since every instance hears every event.
 */
export function isOwnEvent(bus: Pick<LiveBus, 'instanceId'>, event: LiveEvent): boolean {
  return LocalFanout.isOwn(bus.instanceId, event);
}

/** The default bus: one process, no network. */
export function createMemoryBus(instanceId = newInstanceId()): LiveBus {
  const fanout = new LocalFanout(instanceId);
  return {
    instanceId,
    publish(event) {
      const stamped = fanout.stamp(event);
      fanout.deliver(stamped);
      return stamped;
    },
    subscribe: (listener) => fanout.subscribe(listener),
    async close() {},
  };
}
