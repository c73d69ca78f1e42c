import 'server-only';

import type { Redis } from 'ioredis';
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';

import { authEnv } from '@/lib/auth/auth-env';
import { throttleRedis } from '@/lib/auth/throttle-store';
import { DomainError } from '@/lib/domain/errors';

import { apiKeyEnv } from './api-key-env';

/**
 * The per-key request budget (`MODERATO_API_KEY_RATE`). With `REDIS_URL` every instance counts
 * into the same bucket (the connection sign-in throttling uses, lib/auth/throttle-store.ts); while
 * Redis is down each instance counts in memory rather than refusing every call.
 */
export interface ApiKeyRateLimiter {
  /** Counts one request of the key; throws `rate_limited` with `retryAfterSeconds` when over. */
  consume(keyId: string): Promise<void>;
}

export function createApiKeyRateLimiter(options: {
  points: number;
  windowSeconds: number;
  /** An ioredis client; omitted = memory. */
  redis?: Redis;
  keyPrefix?: string;
}): ApiKeyRateLimiter {
  const opts = {
    keyPrefix: options.keyPrefix ?? 'moderato:api-key',
    points: options.points,
    duration: options.windowSeconds,
  };
  const limiter: RateLimiterAbstract = options.redis
    ? new RateLimiterRedis({
        ...opts,
        storeClient: options.redis,
        rejectIfRedisNotReady: true,
        insuranceLimiter: new RateLimiterMemory(opts),
      })
    : new RateLimiterMemory(opts);
  return {
    async consume(keyId) {
      try {
        await limiter.consume(keyId, 1);
      } catch (err) {
        // consume() rejects with a RateLimiterRes when over the budget, with an Error otherwise.
        if (!(err instanceof RateLimiterRes)) throw err;
        const retryAfterSeconds = Math.max(1, Math.ceil(err.msBeforeNext / 1000));
        throw new DomainError(
          'rate_limited',
          `Too many requests with this API key: at most ${options.points} per ${options.windowSeconds} s. Retry in ${retryAfterSeconds} s.`,
          { retryAfterSeconds },
        );
      }
    },
  };
}

type Holder = typeof globalThis & { __moderatoApiKeyRateLimiter?: ApiKeyRateLimiter | null };
const holder = globalThis as Holder;

/** The process's limiter (null = no limit). On globalThis: route bundles are separate graphs. */
export function apiKeyRateLimiter(): ApiKeyRateLimiter | null {
  if (holder.__moderatoApiKeyRateLimiter !== undefined) return holder.__moderatoApiKeyRateLimiter;
  const { rate } = apiKeyEnv();
  const { redisUrl } = authEnv();
  holder.__moderatoApiKeyRateLimiter = rate
    ? createApiKeyRateLimiter({ ...rate, redis: redisUrl ? throttleRedis(redisUrl) : undefined })
    : null;
  return holder.__moderatoApiKeyRateLimiter;
}
