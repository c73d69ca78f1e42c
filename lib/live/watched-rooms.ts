import 'server-only';

import { Redis } from 'ioredis';

import { liveEnv } from './live-env';
import { processSingleton } from './process-singleton';

/** Sorted set of watched room names, scored by when the watching instance's claim expires (ms). */
export const WATCHED_KEY = 'moderato:live:watched';

/**
 * Which rooms someone is looking at, so reconciliation lists their participants (listing every
 * room's participants every tick would not scale). Ref-counted per process: each open SSE stream
 * watching a room holds one reference until it closes. With Redis, each instance re-announces its
 * rooms every tick with an expiry score, so the leader sees rooms watched on any instance, and an
 * instance that dies stops counting within a few intervals without any cleanup.
 */
export class WatchedRooms {
  private readonly counts = new Map<string, number>();
  private timer: ReturnType<typeof setInterval> | undefined;
  private warned = false;

  constructor(
    private readonly redis: Redis | null,
    private readonly intervalMs: number,
    private readonly now: () => number = Date.now,
    private readonly key: string = WATCHED_KEY,
  ) {}

  /** Watches a room until the returned release is called (calling it twice is harmless). */
  watch(roomName: string): () => void {
    const before = this.counts.get(roomName) ?? 0;
    this.counts.set(roomName, before + 1);
    if (before === 0) void this.announce([roomName]);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.counts.get(roomName) ?? 1) - 1;
      if (left > 0) this.counts.set(roomName, left);
      else this.counts.delete(roomName);
    };
  }

  /** Rooms watched on this instance. */
  local(): string[] {
    return [...this.counts.keys()];
  }

  /** Rooms watched on any instance (this one only, without Redis or when Redis fails). */
  async all(): Promise<string[]> {
    const names = new Set(this.local());
    if (this.redis) {
      try {
        const now = this.now();
        await this.redis.zremrangebyscore(this.key, '-inf', now);
        for (const name of await this.redis.zrangebyscore(this.key, now, '+inf')) {
          names.add(name);
        }
      } catch (err) {
        this.warn(err);
      }
    }
    return [...names];
  }

  /** Re-announces this instance's rooms every interval (only needed with Redis). */
  start(): void {
    if (!this.redis || this.timer) return;
    this.timer = setInterval(() => void this.announce(this.local()), this.intervalMs);
    this.timer.unref?.();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Claims rooms for three intervals: a missed refresh or two does not drop them. */
  async announce(roomNames: string[]): Promise<void> {
    if (!this.redis || roomNames.length === 0) return;
    const expiresAtMs = this.now() + 3 * this.intervalMs;
    try {
      // GT: another instance's longer claim on the same room is never shortened.
      await this.redis.zadd(
        this.key,
        'GT',
        ...roomNames.flatMap((name) => [expiresAtMs, name] as const),
      );
      this.warned = false;
    } catch (err) {
      this.warn(err);
    }
  }

  private warn(err: unknown): void {
    if (this.warned) return;
    this.warned = true;
    console.warn(
      `[moderato] live: Redis unavailable, watched rooms stay on this instance: ${String(err)}`,
    );
  }
}

/** This process's watched rooms. */
export function watchedRooms(): WatchedRooms {
  return processSingleton('live.watchedRooms', () => {
    const { REDIS_URL, MODERATO_RECONCILE_MS } = liveEnv();
    const redis = REDIS_URL
      ? new Redis(REDIS_URL, { maxRetriesPerRequest: 1, connectTimeout: 2000 })
      : null;
    redis?.on('error', () => {});
    return new WatchedRooms(redis, MODERATO_RECONCILE_MS);
  });
}

/** Started from start.ts: keeps this instance's watched rooms announced in Redis. */
export function startWatchedRooms(): void {
  watchedRooms().start();
}
