import 'server-only';

import path from 'node:path';

import { z } from 'zod';

/**
 * Server configuration. Every value has an embedded default so `npm run demo` works on
 * a fresh machine: the built-in stand-in on 127.0.0.1:7880 with LiveKit's dev key pair, and an
 * embedded SQLite store under `.data/`. Nothing here is ever sent to the browser.
 */
const boolish = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .optional()
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const envSchema = z.object({
  // Validated where it is used (lib/livekit/client.ts) so a bad value shows the "not configured"
  // banner instead of crashing every page.
  LIVEKIT_URL: z.string().trim().default('http://127.0.0.1:7880'),
  LIVEKIT_API_KEY: z.string().trim().default('devkey'),
  LIVEKIT_API_SECRET: z.string().trim().default('secret'),
  /**
   * The LiveKit URLs handed to clients with a join token (OpenTalk's `public_url` / `service_url`):
   * what browsers on public networks reach, and what services inside LiveKit's own network reach.
   * Both default to LIVEKIT_URL, which is what Moderato itself talks to.
   */
  LIVEKIT_PUBLIC_URL: z.string().trim().optional(),
  LIVEKIT_SERVICE_URL: z.string().trim().optional(),
  /** Per-request timeout towards LiveKit, ms. */
  LIVEKIT_TIMEOUT_MS: z.coerce.number().int().positive().default(5000),
  DATABASE_URL: z.string().optional(),
  MODERATO_DATA_DIR: z.string().default(path.join(process.cwd(), '.data')),
  MODERATO_DEMO: boolish,
  /** Poll interval of the live views until push updates land, ms. */
  MODERATO_REFRESH_MS: z.coerce.number().int().min(500).default(3000),
  /**
   * How long a room's existence and tenant are reused for scope checks, ms (0 = ask LiveKit every
   * time). Our own writes invalidate it; it only bounds how late a change made elsewhere is seen.
   */
  MODERATO_ROOM_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(2000),
});

export type ServerEnv = z.infer<typeof envSchema>;

const NAMES = Object.keys(envSchema.shape) as (keyof typeof envSchema.shape)[];

let last: { values: (string | undefined)[]; parsed: ServerEnv } | undefined;

/**
 * Parsed again only when one of the variables it reads has changed since the last call: tests and
 * the CLI change process.env at run time, but parsing on every call cost a zod parse per LiveKit
 * call and per store access on the hot path of every moderator action (bench:api profile).
 */
export function env(): ServerEnv {
  // The working directory too: MODERATO_DATA_DIR's default is under it.
  const values = [process.cwd(), ...NAMES.map((name) => process.env[name])];
  if (last && values.every((value, i) => value === last!.values[i])) return last.parsed;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const names = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid Moderato configuration: ${names}`);
  }
  // Frozen: every caller shares this one object.
  last = { values, parsed: Object.freeze(parsed.data) };
  return last.parsed;
}
