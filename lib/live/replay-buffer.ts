import 'server-only';

import type { LiveEvent } from '@/lib/contracts/live-events';

import type { LiveBus } from './bus';
import { liveBus } from './hub';
import { liveEnv } from './live-env';
import { processSingleton } from './process-singleton';

/** One event as the SSE streams see it. */
export interface BufferedEvent {
  /** Position in this instance's buffer (its own order, whichever instance assigned the id). */
  seq: number;
  event: LiveEvent;
  /**
   * The room's tenant just before this event, as this instance knew it (undefined: unknown). A
   * room.updated whose tenant differs was a move between tenants: the old tenant's streams must see
   * the room leave (lib/live/stream-filter.ts).
   */
  previousTenant: string | null | undefined;
}

export type BufferListener = (entry: BufferedEvent) => void;

/**
 * The last `capacity` events of the bus, for `Last-Event-ID` resume, and the fan-out every SSE
 * stream of this process listens to. A fixed ring: memory is bounded by the capacity whatever the
 * traffic, and looking an id up is one Map read. Each instance keeps its own (every instance sees
 * every event through the bus), so a browser that reconnects to another instance behind a load
 * balancer still finds its last id — in that instance's order of arrival.
 */
export class ReplayBuffer {
  private readonly ring: (BufferedEvent | undefined)[];
  private readonly seqById = new Map<string, number>();
  /** roomName → tenant, from room events: what `previousTenant` is read from. */
  private readonly tenants = new Map<string, string | null>();
  private readonly listeners = new Set<BufferListener>();
  private nextSeq = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new Error('capacity must be ≥ 1');
    this.ring = new Array<BufferedEvent | undefined>(capacity);
  }

  /** Subscribes to the bus: every event of every instance is kept and fanned out. */
  follow(bus: LiveBus): () => void {
    return bus.subscribe((event) => this.push(event));
  }

  push(event: LiveEvent): BufferedEvent {
    if (this.seqById.has(event.id)) return this.ring[this.seqById.get(event.id)! % this.capacity]!;
    const entry: BufferedEvent = {
      seq: this.nextSeq,
      event,
      previousTenant: this.tenants.get(event.roomName),
    };
    this.trackTenant(event);
    const slot = entry.seq % this.capacity;
    const evicted = this.ring[slot];
    if (evicted) this.seqById.delete(evicted.event.id);
    this.ring[slot] = entry;
    this.seqById.set(event.id, entry.seq);
    this.nextSeq += 1;
    for (const listener of this.listeners) {
      try {
        listener(entry);
      } catch (err) {
        console.error('[moderato] live: a stream listener failed', err);
      }
    }
    return entry;
  }

  /**
   * The events after `lastEventId`, oldest first; null when that id is not (or no longer) in the
   * buffer — the caller cannot know what it missed and must start over (`event: reset`).
   */
  since(lastEventId: string): BufferedEvent[] | null {
    const seq = this.seqById.get(lastEventId);
    if (seq === undefined) return null;
    const missed: BufferedEvent[] = [];
    for (let s = seq + 1; s < this.nextSeq; s += 1) missed.push(this.ring[s % this.capacity]!);
    return missed;
  }

  /** Called synchronously for every new event, after it is stored. */
  subscribe(listener: BufferListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  get size(): number {
    return Math.min(this.nextSeq, this.capacity);
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  private trackTenant(event: LiveEvent): void {
    switch (event.type) {
      case 'room.started':
      case 'room.updated':
        this.tenants.set(event.roomName, event.tenant);
        return;
      case 'room.finished':
        this.tenants.delete(event.roomName);
        return;
      default:
        // Any event names its room's tenant; learn rooms that existed before this process started.
        if (!this.tenants.has(event.roomName)) this.tenants.set(event.roomName, event.tenant);
    }
  }
}

/** This process's replay buffer, following the process's bus. */
export function replayBuffer(bus: LiveBus = liveBus()): ReplayBuffer {
  return processSingleton('live.replayBuffer', () => {
    const buffer = new ReplayBuffer(liveEnv().MODERATO_LIVE_REPLAY);
    buffer.follow(bus);
    return buffer;
  });
}

/** Started from start.ts, first: the buffer sees each event before any other listener. */
export function startReplayBuffer(bus: LiveBus): void {
  replayBuffer(bus);
}
