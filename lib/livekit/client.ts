import 'server-only';

import type { RoomServiceClient } from 'livekit-server-sdk';

import { DomainError } from '@/lib/domain/errors';
import { env } from '@/lib/env';

import { TokenCachingRoomServiceClient } from './token-caching-room-service';

/**
 * The one place LiveKit clients are built. The API secret stays in this process: browsers only ever
 * see our own DTOs. Clients are memoised per configuration (they are stateless apart from it).
 */
let cached: { key: string; roomService: RoomServiceClient } | undefined;

interface LiveKitConfig {
  url: string;
  apiKey: string;
  apiSecret: string;
  timeoutMs: number;
}

/** The configured server, or `upstream_misconfigured` saying which variable to fix. */
export function livekitConfig(): LiveKitConfig {
  const { LIVEKIT_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET, LIVEKIT_TIMEOUT_MS } = env();
  const missing = [
    !isServerUrl(LIVEKIT_URL) && 'LIVEKIT_URL',
    !LIVEKIT_API_KEY && 'LIVEKIT_API_KEY',
    !LIVEKIT_API_SECRET && 'LIVEKIT_API_SECRET',
  ].filter(Boolean);
  if (missing.length > 0) {
    throw new DomainError(
      'upstream_misconfigured',
      `LiveKit is not configured: set ${missing.join(', ')} (LIVEKIT_URL is http(s):// or ws(s)://).`,
    );
  }
  return {
    url: LIVEKIT_URL,
    apiKey: LIVEKIT_API_KEY,
    apiSecret: LIVEKIT_API_SECRET,
    timeoutMs: LIVEKIT_TIMEOUT_MS,
  };
}

export function roomService(): RoomServiceClient {
  const config = livekitConfig();
  const key = `${config.url}|${config.apiKey}|${config.apiSecret}`;
  if (cached?.key === key) return cached.roomService;
  const client = new TokenCachingRoomServiceClient(config.url, config.apiKey, config.apiSecret, {
    // Seconds, not ms. A moderator waiting 10 s (the SDK default) for a dead server is too long.
    requestTimeout: config.timeoutMs / 1000,
  });
  cached = { key, roomService: client };
  return client;
}

/** Host of the configured LiveKit server, for messages that tell the operator what to check. */
export function livekitHost(): string | null {
  const raw = env().LIVEKIT_URL;
  return isServerUrl(raw) ? new URL(raw).host : null;
}

function isServerUrl(value: string): boolean {
  try {
    return ['http:', 'https:', 'ws:', 'wss:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}
