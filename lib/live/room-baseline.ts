import 'server-only';

import { listParticipants, listRooms } from '@/lib/livekit/room-service';

import type { LiveBus } from './bus';
import { knownState, type KnownState } from './known-state';
import { processSingleton } from './process-singleton';
import { reconcilePass, TouchTracker, type ReconcileSource } from './reconciler-pass';

/**
 * Lists a room that someone starts watching, participants included, into the known state at once
 * (origin `reconcile`, through the bus like every other listing).
 *
 * Why: a browser shows rows from a REST read made before its stream existed, while reconciliation
 * reports a departure only as a diff against participants it already knows. Without this, someone
 * leaving between that read and the room's first listing was never reported, and stayed on screen.
 * After it, the stream says `watching` (lib/live/sse-stream.ts) and the browser refetches, so its
 * rows are never older than what the known state holds, and every later change is a diff.
 * Concurrent calls for one room share one listing.
 */
export class RoomBaseline {
  private readonly inFlight = new Map<string, Promise<void>>();

  constructor(
    private readonly deps: { bus: LiveBus; known: KnownState; source: ReconcileSource },
  ) {}

  list(roomName: string): Promise<void> {
    const running = this.inFlight.get(roomName);
    if (running) return running;
    const run = this.run(roomName).finally(() => this.inFlight.delete(roomName));
    this.inFlight.set(roomName, run);
    return run;
  }

  private async run(roomName: string): Promise<void> {
    const { bus, known, source } = this.deps;
    const touches = new TouchTracker(bus);
    try {
      await reconcilePass(
        { source, known, touches },
        { roomNames: [roomName], participantRooms: [roomName], concurrency: 1 },
        { atMs: Date.now(), origin: 'reconcile' },
        (event) => bus.publish(event),
      );
    } finally {
      touches.stop();
    }
  }
}

/** This process's baseline lister. */
export function roomBaseline(bus: LiveBus): RoomBaseline {
  return processSingleton(
    'live.roomBaseline',
    () => new RoomBaseline({ bus, known: knownState(), source: { listRooms, listParticipants } }),
  );
}
