import 'server-only';

import { z } from 'zod';

/**
 * REST API key configuration, read from the environment on first use (never at build time).
 * - `AUTH_REQUIRED` (default true): when `false`, the portal endpoints (`/livekit/participant…`)
 *   also take calls without a key — the portal contract's backward-compatible mode; /api/v1
 *   always needs a session or a key.
 * - `MODERATO_API_KEY_RATE` (default `600/min`): requests per key per window, `<n>/<s|min|h>`, or
 *   `off`. Shared by every instance through Redis when `REDIS_URL` is set.
 */
export interface ApiKeyEnv {
  authRequired: boolean;
  /** null = no limit. */
  rate: { points: number; windowSeconds: number } | null;
}

const WINDOWS: Record<string, number> = {
  s: 1,
  sec: 1,
  second: 1,
  m: 60,
  min: 60,
  minute: 60,
  h: 3600,
  hour: 3600,
};

export const DEFAULT_API_KEY_RATE = '600/min';

export function parseRate(raw: string): ApiKeyEnv['rate'] {
  const value = raw.trim().toLowerCase();
  if (value === 'off') return null;
  const match = /^(\d{1,9})\s*\/\s*([a-z]+)$/.exec(value);
  const windowSeconds = match ? WINDOWS[match[2]!] : undefined;
  const points = match ? Number(match[1]) : 0;
  if (!windowSeconds || points < 1) {
    throw new Error(
      `Invalid MODERATO_API_KEY_RATE “${raw}”: use <requests>/<s|min|h> (e.g. ${DEFAULT_API_KEY_RATE}) or off`,
    );
  }
  return { points, windowSeconds };
}

const schema = z.object({
  AUTH_REQUIRED: z
    .enum(['1', '0', 'true', 'false', 'yes', 'no', ''], {
      error: 'AUTH_REQUIRED must be true or false',
    })
    .optional()
    .transform((v) => !(v === '0' || v === 'false' || v === 'no')),
  MODERATO_API_KEY_RATE: z
    .string()
    .optional()
    .transform((v) => (v && v.trim() ? v : DEFAULT_API_KEY_RATE)),
});

export function parseApiKeyEnv(source: Record<string, string | undefined>): ApiKeyEnv {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid Moderato API key configuration: ${issues}`);
  }
  return {
    authRequired: parsed.data.AUTH_REQUIRED,
    rate: parseRate(parsed.data.MODERATO_API_KEY_RATE),
  };
}

let cached: ApiKeyEnv | undefined;

export function apiKeyEnv(): ApiKeyEnv {
  cached ??= parseApiKeyEnv(process.env);
  return cached;
}
