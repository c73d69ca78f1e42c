import 'server-only';

import type { Permission } from '@/lib/contracts/permissions';
import type { Actor } from '@/lib/domain/actor';

import { apiKeyEnv } from './api-key-env';

/**
 * The caller of a portal endpoint that sends no key while `AUTH_REQUIRED=false`: the contract's
 * backward-compatible mode, where access "is allowed" on every room (no `auth.id`). It may do what
 * those two endpoints do and nothing else, and its calls are audited under this name.
 */
const PORTAL_PERMISSIONS: readonly Permission[] = [
  'rooms.read',
  'tracks.mute',
  'participants.remove',
];

export const ANONYMOUS_PORTAL_NAME = 'anonymous';

export function anonymousPortalActor(): Actor {
  return {
    userId: ANONYMOUS_PORTAL_NAME,
    username: ANONYMOUS_PORTAL_NAME,
    name: 'Unauthenticated API call (AUTH_REQUIRED=false)',
    role: 'moderator',
    permissions: new Set(PORTAL_PERMISSIONS),
    tenant: null,
    rooms: null,
    source: 'api',
  };
}

/**
 * Run once at start (instrumentation.ts): reads the key configuration, so a bad value stops the
 * server at once, and says so when the endpoints are open — an operator must know.
 */
export function announceApiKeyMode(): void {
  if (apiKeyEnv().authRequired) return;
  console.warn(
    '[moderato] AUTH_REQUIRED=false: POST /livekit/participant/mute and DELETE /livekit/participant accept calls without an API key, on every room. Set AUTH_REQUIRED=true (the default) once every caller sends a key.',
  );
}
