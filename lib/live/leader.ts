import 'server-only';

import type { Redis } from 'ioredis';

export const LEADER_KEY = 'moderato:live:leader';

/**
 * Who runs reconciliation. With several instances exactly one should list LiveKit each tick: the
 * others would only publish the same diffs again (see docs/ARCHITECTURE.md, "Live").
 */
export interface Leadership {
  /** Takes or renews the lease; true while this instance leads. Never throws. */
  claim(): Promise<boolean>;
  /** Gives the lease up (on stop), so another instance takes over at its next tick. */
  release(): Promise<void>;
}

/** One instance alone always leads. */
export const soleLeadership: Leadership = {
  claim: async () => true,
  release: async () => {},
};

// Renews only our own lease: a plain PEXPIRE could extend a lease another instance took after ours
// expired, and then two instances would lead.
const RENEW = `if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 0`;

const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0`;

/**
 * A lease in Redis: `SET key <instanceId> NX PX ttl` takes it, an atomic compare-and-PEXPIRE renews
 * it each tick. The TTL is three intervals, so a leader that dies is replaced within three ticks,
 * and one slow tick does not hand leadership over. An instance that cannot reach Redis leads for
 * itself: its bus cannot reach the others either, so only its own browsers depend on it, and its
 * views stay right; once Redis answers again the lease decides anew.
 */
export function redisLeadership(
  redis: Redis,
  instanceId: string,
  ttlMs: number,
  key = LEADER_KEY,
): Leadership {
  let leading = false;
  let warned = false;
  return {
    async claim() {
      try {
        if (leading) {
          leading = Number(await redis.eval(RENEW, 1, key, instanceId, String(ttlMs))) === 1;
        }
        if (!leading) {
          leading = (await redis.set(key, instanceId, 'PX', ttlMs, 'NX')) === 'OK';
        }
        warned = false;
      } catch (err) {
        leading = false;
        if (!warned) {
          warned = true;
          console.warn(
            `[moderato] live: Redis unavailable, this instance reconciles for itself: ${String(err)}`,
          );
        }
        return true;
      }
      return leading;
    },
    async release() {
      if (!leading) return;
      leading = false;
      await redis.eval(RELEASE, 1, key, instanceId).catch(() => undefined);
    },
  };
}
