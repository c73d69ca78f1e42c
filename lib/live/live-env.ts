import 'server-only';

import { z } from 'zod';

import { optionalPortSchema } from '@/lib/http/bare-listener';

/** Configuration of live updates; every value has a default, so nothing needs setting. */
const liveEnvSchema = z.object({
  /** When set, events, leadership and webhook de-duplication are shared by every instance. */
  REDIS_URL: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined)),
  /** How often reconciliation asks LiveKit for rooms and watched rooms' participants, ms. */
  MODERATO_RECONCILE_MS: z.coerce.number().int().min(250).max(60_000).default(2000),
  /** How many events each instance keeps for `Last-Event-ID` resume. */
  MODERATO_LIVE_REPLAY: z.coerce.number().int().min(100).max(100_000).default(5000),
  /** SSE heartbeat (a comment line), ms: keeps proxies from closing an idle stream. */
  MODERATO_LIVE_HEARTBEAT_MS: z.coerce.number().int().min(1000).max(120_000).default(15_000),
  /** Bytes an SSE client may fall behind by before it is dropped (it resumes by Last-Event-ID). */
  MODERATO_LIVE_CLIENT_QUEUE_BYTES: z.coerce
    .number()
    .int()
    .min(16_384)
    .max(64 * 1024 * 1024)
    .default(256 * 1024),
  /**
   * A port of its own for LiveKit's webhooks (lib/live/webhook-listener.ts), besides the route;
   * unset: the route only.
   */
  MODERATO_WEBHOOK_PORT: optionalPortSchema,
  /** The address that port listens on. */
  MODERATO_WEBHOOK_HOST: z.string().trim().min(1).default('0.0.0.0'),
  /** Session history older than this is deleted, days. */
  MODERATO_HISTORY_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
});

export type LiveEnv = z.infer<typeof liveEnvSchema>;

export function liveEnv(): LiveEnv {
  const parsed = liveEnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const names = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid Moderato live configuration: ${names}`);
  }
  return parsed.data;
}
