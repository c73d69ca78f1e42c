import 'server-only';

import type { ParticipantDto } from '@/lib/contracts/dto';
import type { LiveEvent } from '@/lib/contracts/live-events';
import { DomainError } from '@/lib/domain/errors';
import type { LiveKitRoom } from '@/lib/livekit/to-dto';

import type { LiveBus } from './bus';

/** A participant session removed within this long is not removed again (duplicate events). */
const RECENT_MS = 60_000;
/** Rooms a sweep lists participants of at once. */
export const SWEEP_CONCURRENCY = 4;

/** Where a join was seen: its live event (webhook, reconciliation, read-back) or the sweep. */
export type EnforcementPath = LiveEvent['origin'] | 'sweep';

export interface SweepingEnforcerOptions {
  bus: LiveBus;
  /** Whether this instance is the reconciliation leader: only the leader sweeps. */
  isLeader: () => boolean;
  source: {
    listRooms(): Promise<LiveKitRoom[]>;
    listParticipants(roomName: string): Promise<ParticipantDto[]>;
  };
  /** The sweep's interval (the reconciliation interval). */
  intervalMs: number;
  now?: () => number;
  log?: Pick<Console, 'warn'>;
}

/**
 * What every rule that removes people as they join (bans, room locks) needs around the rule
 * itself, so each states only the rule:
 *
 * - **Events, never in the publisher's way.** The subclass hears the bus in `onEvent` and hands
 *   work to `track`: the webhook receiver publishes synchronously and must answer LiveKit in
 *   milliseconds, so the store reads and removals run afterwards.
 * - **A sweep by the reconciliation leader** every interval (`sweep`), which holds with webhooks
 *   off and nobody watching the room.
 * - **Once per session.** `removeOnce` claims a participant session before removing it, so a
 *   second event of the same join (webhook and reconciliation) neither notifies nor removes again;
 *   a claim that removed nobody is released.
 */
export abstract class SweepingEnforcer {
  protected readonly now: () => number;
  private readonly log: Pick<Console, 'warn'>;
  private readonly recent = new Map<string, number>();
  private readonly pending = new Set<Promise<void>>();
  private readonly unsubscribe: () => void;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stopped = true;

  constructor(
    protected readonly options: SweepingEnforcerOptions,
    /** Names the enforcement in the warnings it logs, e.g. "bans". */
    private readonly label: string,
  ) {
    this.now = options.now ?? Date.now;
    this.log = options.log ?? console;
    this.unsubscribe = options.bus.subscribe((event) => this.onEvent(event));
  }

  /** One sweep (the loop calls it on the leader; tests call it directly): how many it removed. */
  abstract sweep(): Promise<number>;

  protected abstract onEvent(event: LiveEvent): void;

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.idle();
  }

  async close(): Promise<void> {
    this.unsubscribe();
    await this.stop();
  }

  /** Whether enforcement work is queued or running. */
  get busy(): boolean {
    return this.pending.size > 0;
  }

  /** Resolves once every enforcement queued so far has finished (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  /** Runs `work` after the caller returns; a failure is logged, the next event or sweep retries. */
  protected track(work: Promise<unknown>): void {
    const tracked = work.then(
      () => undefined,
      (err: unknown) => {
        this.log.warn(`[moderato] ${this.label}: enforcement failed: ${String(err)}`);
      },
    );
    this.pending.add(tracked);
    void tracked.finally(() => this.pending.delete(tracked));
  }

  /** Whether this instance removed that participant session within the last minute. */
  protected recentlyRemoved(roomName: string, sid: string): boolean {
    const nowMs = this.now();
    for (const [key, atMs] of this.recent) {
      if (nowMs - atMs < RECENT_MS) break;
      this.recent.delete(key);
    }
    return this.recent.has(`${roomName}\n${sid}`);
  }

  /** Runs `remove` for a participant session unless it is claimed; true when this call removed it. */
  protected async removeOnce(
    roomName: string,
    sid: string,
    remove: () => Promise<boolean>,
  ): Promise<boolean> {
    if (this.recentlyRemoved(roomName, sid)) return false;
    const key = `${roomName}\n${sid}`;
    this.recent.set(key, this.now());
    let removed = false;
    try {
      removed = await remove();
      return removed;
    } finally {
      if (!removed) this.recent.delete(key);
    }
  }

  /** A room's participants for a sweep; null when the room ended meanwhile. */
  protected async participantsOf(roomName: string): Promise<ParticipantDto[] | null> {
    try {
      return await this.options.source.listParticipants(roomName);
    } catch (err) {
      // Anything but "ended" is retried at the next sweep.
      if (err instanceof DomainError && err.code === 'not_found') return null;
      throw err;
    }
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      if (this.stopped) return;
      const run = this.options.isLeader() ? this.sweep() : Promise.resolve();
      this.track(run);
      void run.catch(() => undefined).finally(() => this.schedule());
    }, this.options.intervalMs);
    this.timer.unref?.();
  }
}
