import 'server-only';

import { z } from 'zod';

/**
 * How the session check is tuned. Parsed once per process at first use, like the sign-in settings
 * (lib/auth/auth-env.ts); kept apart because only the session store reads it.
 */
const sessionEnvSchema = z.object({
  /**
   * How long a session record is reused in-process, ms. It bounds how late another instance's
   * revocation is seen when no Redis is configured; revocations made by this process (and, with
   * REDIS_URL, by any instance) drop the entry at once. 0 = read the store on every request.
   */
  MODERATO_SESSION_CACHE_MS: z.coerce.number().int().min(0).max(5000).default(2000),
  /** Optional: revocations are then broadcast to every instance at once (pub/sub). */
  REDIS_URL: z
    .string()
    .optional()
    .transform((v) => (v && v.trim() ? v.trim() : null)),
});

export interface SessionEnv {
  cacheMs: number;
  redisUrl: string | null;
}

export function parseSessionEnv(source: Record<string, string | undefined>): SessionEnv {
  const parsed = sessionEnvSchema.safeParse(source);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid Moderato session configuration: ${issues}`);
  }
  return { cacheMs: parsed.data.MODERATO_SESSION_CACHE_MS, redisUrl: parsed.data.REDIS_URL };
}
