import 'server-only';

import type { StoredSession } from '@/lib/db/sessions';

interface Entry {
  /** Null = the store has no such session (also worth remembering briefly). */
  session: StoredSession | null;
  fetchedAtMs: number;
}

/**
 * Session records reused for a few seconds, so the check on every request is a map lookup instead
 * of a query. Forgetting bumps a generation: a read that started before a revocation cannot store
 * its stale answer after it (the race that would otherwise re-admit a revoked session for a TTL).
 */
export class SessionCache {
  private readonly entries = new Map<string, Entry>();
  private generation = 0;

  constructor(
    readonly ttlMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  /** The cached record (null = known missing), or undefined when it must be read again. */
  get(id: string, nowMs: number): StoredSession | null | undefined {
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    if (nowMs - entry.fetchedAtMs >= this.ttlMs) {
      this.entries.delete(id);
      return undefined;
    }
    return entry.session;
  }

  /** Pass the generation from before the read: a forget since then wins over the stale answer. */
  set(id: string, session: StoredSession | null, nowMs: number, readGeneration: number): void {
    if (this.ttlMs === 0 || readGeneration !== this.generation) return;
    // Map order is insertion order: dropping the first entry drops the oldest.
    if (this.entries.size >= this.maxEntries && !this.entries.has(id)) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(id, { session, fetchedAtMs: nowMs });
  }

  /** Read before asking the store; hand to `set` afterwards. */
  currentGeneration(): number {
    return this.generation;
  }

  forget(id: string): void {
    this.generation++;
    this.entries.delete(id);
  }

  forgetUser(userId: string): void {
    this.generation++;
    for (const [id, entry] of this.entries) {
      if (entry.session?.userId === userId) this.entries.delete(id);
    }
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
