import 'server-only';

import type { NewLiveEvent } from '@/lib/contracts/live-events';

import type { LiveBus } from './bus';
import type { KnownState } from './known-state';
import type { Leadership } from './leader';
import { reconcilePass, TouchTracker, type ReconcileSource } from './reconciler-pass';
import { webhookKey } from './room-diff';

export const MAX_BACKOFF_MS = 30_000;
/** How often a follower refreshes its own room → tenant map (it publishes nothing). */
export const FOLLOWER_REFRESH_MS = 30_000;
const PARTICIPANT_CONCURRENCY = 8;
/**
 * Rooms nobody watches whose participants one tick lists, at most: each such room once per
 * leadership (see leaderTick). 5,000 rooms take 625 ticks, about 20 minutes at the default
 * interval, at the cost of at most this many extra ListParticipants a tick.
 */
export const SWEEP_ROOMS_PER_TICK = 8;

export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimers: Timers = {
  set: (fn, ms) => {
    const handle = setTimeout(fn, ms);
    handle.unref?.();
    return handle;
  },
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface ReconcilerOptions {
  bus: LiveBus;
  known: KnownState;
  source: ReconcileSource;
  /** Rooms watched on any instance. */
  watched: { all(): Promise<string[]> };
  leadership: Leadership;
  /** Where the count of events webhooks should have delivered goes (lib/live/webhook-health.ts). */
  health: { recordMissedByWebhooks(count: number, atMs: number): void };
  intervalMs: number;
  maxBackoffMs?: number;
  now?: () => number;
  timers?: Timers;
  log?: Pick<Console, 'warn' | 'info'>;
}

export interface TickResult {
  role: 'leader' | 'follower';
  ok: boolean;
  /** Events published (leader) or applied locally (follower). */
  events: NewLiveEvent[];
  /** Missed-by-webhook events reported to webhook health during this tick. */
  missed: number;
}

/**
 * The reconciliation loop: one per deployment thanks to leader election (lib/live/leader.ts).
 * The leader lists every room and the participants of watched rooms each interval, and those of
 * every other room once (a few rooms a tick), and publishes what the known state lacks (origin
 * `reconcile`). Followers publish nothing; they only refresh their own room → tenant map now and
 * then, so SSE filtering works on an instance started after the rooms it must filter.
 *
 * What counts as missed by webhooks: the events of `webhookKey` that reconciliation had to publish,
 * unless the webhook still arrives before the next tick (it may just be in flight). Nothing is
 * counted on the first pass after start or after taking leadership, nor for the first listing of a
 * room that has just become watched, nor for the one listing of a room nobody watches: those are a
 * baseline (the participants were there before anyone looked), published as `participant.joined`
 * with origin `reconcile` so every view and history learns them, but not news that webhooks
 * failed to bring.
 */
export class Reconciler {
  private readonly now: () => number;
  private readonly timers: Timers;
  private readonly log: Pick<Console, 'warn' | 'info'>;
  private readonly touches: TouchTracker;
  private readonly unsubscribe: () => void;
  private timer: unknown;
  private running: Promise<TickResult> | undefined;
  private stopped = true;
  private leading = false;
  private baseline = true;
  /** Rooms whose participants this leadership has listed at least once. */
  private readonly listedRooms = new Set<string>();
  /** Rooms nobody watched whose participants this leadership listed once. */
  private readonly sweptRooms = new Set<string>();
  /** webhookKey → when reconciliation published it; cancelled when the webhook still arrives. */
  private readonly pendingMissed = new Map<string, number>();
  private followerRefreshedAtMs: number | undefined;
  private failures = 0;

  constructor(private readonly options: ReconcilerOptions) {
    this.now = options.now ?? Date.now;
    this.timers = options.timers ?? realTimers;
    this.log = options.log ?? console;
    this.touches = new TouchTracker(options.bus);
    this.unsubscribe = options.bus.subscribe((event) => {
      if (event.origin !== 'webhook') return;
      const key = webhookKey(event);
      if (key) this.pendingMissed.delete(key);
    });
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  /** Stops the loop, waits for a running tick and hands leadership over. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.timers.clear(this.timer);
    await this.running?.catch(() => undefined);
    this.leading = false;
    await this.options.leadership.release();
  }

  /** Stops and forgets its bus subscriptions (the instance goes away). */
  async close(): Promise<void> {
    await this.stop();
    this.touches.stop();
    this.unsubscribe();
  }

  isLeader(): boolean {
    return this.leading;
  }

  /** The wait before the next tick: the interval, or an exponential backoff while LiveKit fails. */
  nextDelayMs(): number {
    if (this.failures === 0) return this.options.intervalMs;
    const max = this.options.maxBackoffMs ?? MAX_BACKOFF_MS;
    return Math.min(max, this.options.intervalMs * 2 ** Math.min(this.failures, 16));
  }

  /** One tick (the loop calls it; tests call it directly instead of waiting). */
  async tick(): Promise<TickResult> {
    const run = this.runTick();
    this.running = run;
    try {
      return await run;
    } finally {
      if (this.running === run) this.running = undefined;
    }
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.timer = this.timers.set(() => {
      // A stopped instance must not claim the lease again.
      if (this.stopped) return;
      void this.tick()
        .catch((err: unknown) => this.log.warn(`[moderato] live: reconciliation failed: ${err}`))
        .finally(() => this.schedule(this.nextDelayMs()));
    }, ms);
  }

  private async runTick(): Promise<TickResult> {
    const leading = await this.options.leadership.claim();
    if (leading && !this.leading) this.takeLead();
    if (!leading && this.leading) this.log.info('[moderato] live: another instance now reconciles');
    this.leading = leading;
    return leading ? this.leaderTick() : this.followerTick();
  }

  private takeLead(): void {
    this.baseline = true;
    this.listedRooms.clear();
    this.sweptRooms.clear();
    this.pendingMissed.clear();
  }

  private async leaderTick(): Promise<TickResult> {
    const atMs = this.now();
    // Whatever was published last tick and no webhook confirmed since was missed by webhooks.
    const missed = this.pendingMissed.size;
    this.pendingMissed.clear();
    if (missed > 0) this.options.health.recordMissedByWebhooks(missed, atMs);

    const watched = new Set(await this.options.watched.all());
    for (const name of this.listedRooms) if (!watched.has(name)) this.listedRooms.delete(name);
    const sweep = this.roomsToSweep(watched);
    const firstListing = new Set([
      ...[...watched].filter((name) => !this.listedRooms.has(name)),
      ...sweep,
    ]);

    const events = await this.attempt(() =>
      reconcilePass(
        { source: this.options.source, known: this.options.known, touches: this.touches },
        { participantRooms: [...watched, ...sweep], concurrency: PARTICIPANT_CONCURRENCY },
        { atMs, origin: 'reconcile' },
        (event) => this.options.bus.publish(event),
      ),
    );
    if (!events) return { role: 'leader', ok: false, events: [], missed };

    if (!this.baseline) {
      for (const event of events) {
        const key = webhookKey(event);
        const isBaselineListing =
          event.type.startsWith('participant.') || event.type.startsWith('track.');
        if (key && !(isBaselineListing && firstListing.has(event.roomName))) {
          this.pendingMissed.set(key, atMs);
        }
      }
    }
    this.baseline = false;
    for (const name of watched) this.listedRooms.add(name);
    for (const name of sweep) this.sweptRooms.add(name);
    return { role: 'leader', ok: true, events, missed };
  }

  /**
   * Known rooms nobody watches and this leadership has not listed yet, SWEEP_ROOMS_PER_TICK at
   * most. Whoever was in a room before Moderato (or this leader) started came with no webhook it
   * heard, so without one listing, session history would never know them (a room's peak above
   * its total). From then on its webhooks keep the room's participants current; the first
   * listing is a baseline, like a newly watched room's, not webhooks' failure.
   */
  private roomsToSweep(watched: ReadonlySet<string>): string[] {
    const known = new Set(this.options.known.rooms().map((r) => r.room.name));
    // A room that finished may start again under its name, with other people in it.
    for (const name of this.sweptRooms) if (!known.has(name)) this.sweptRooms.delete(name);
    const due: string[] = [];
    for (const name of known) {
      if (due.length >= SWEEP_ROOMS_PER_TICK) break;
      if (!watched.has(name) && !this.sweptRooms.has(name)) due.push(name);
    }
    return due;
  }

  private async followerTick(): Promise<TickResult> {
    const atMs = this.now();
    const due =
      this.followerRefreshedAtMs === undefined ||
      atMs - this.followerRefreshedAtMs >= FOLLOWER_REFRESH_MS;
    if (!due) return { role: 'follower', ok: true, events: [], missed: 0 };
    const { known } = this.options;
    const events = await this.attempt(() =>
      reconcilePass(
        { source: this.options.source, known, touches: this.touches },
        { participantRooms: [], concurrency: 1 },
        { atMs, origin: 'reconcile' },
        (event) => known.apply(event),
      ),
    );
    if (!events) return { role: 'follower', ok: false, events: [], missed: 0 };
    this.followerRefreshedAtMs = atMs;
    return { role: 'follower', ok: true, events, missed: 0 };
  }

  /** Runs a pass; on failure backs off and logs once per outage. */
  private async attempt(pass: () => Promise<NewLiveEvent[]>): Promise<NewLiveEvent[] | null> {
    try {
      const events = await pass();
      if (this.failures > 0) {
        this.log.info('[moderato] live: LiveKit answers again; reconciliation resumed');
      }
      this.failures = 0;
      return events;
    } catch (err) {
      if (this.failures === 0) {
        const message = err instanceof Error ? err.message : String(err);
        this.log.warn(
          `[moderato] live: reconciliation cannot reach LiveKit, backing off: ${message}`,
        );
      }
      this.failures += 1;
      return null;
    }
  }
}
