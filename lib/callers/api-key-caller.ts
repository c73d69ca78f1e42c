import 'server-only';

import { hashApiKey, looksLikeApiKey } from '@/lib/auth/api-key-secret';
import { ROLE_PERMISSIONS, type Permission } from '@/lib/contracts/permissions';
import { findApiKeyByHash, touchApiKey, type StoredApiKey } from '@/lib/db/api-keys';
import type { Actor } from '@/lib/domain/actor';
import { DomainError } from '@/lib/domain/errors';

import { apiKeyRateLimiter } from './api-key-rate-limit';
import { noteUse } from './note-use';
import type { CallerStrategy } from './types';

/** The query parameter the portal endpoints also take the key from (docs/rest-api.md). */
export const API_KEY_QUERY_PARAM = 'api_key';

/**
 * A leaked key must not outlive its revocation: keys never manage keys, so one cannot mint a
 * successor. Everything else its role grants, within its tenant and rooms.
 */
const NEVER_BY_KEY: readonly Permission[] = ['keys.manage'];

/**
 * `Authorization: Bearer <key>` (and `?api_key=<key>` where the door allows it: the portal
 * endpoints). A request carrying a key is decided by the key alone: an unknown, malformed or
 * revoked one is `unauthenticated`, never a fall-through to the session cookie. Keys are looked up
 * on every request (one indexed read), so a revocation — from the page or the CLI, on any
 * instance — holds from the next request on. Each request counts against the key's rate limit.
 */
export const apiKeyCaller: CallerStrategy = {
  name: 'api-key',
  async resolve({ request, allowQueryKey }) {
    if (!request) return null;
    const presented = presentedKey(request, allowQueryKey ?? false);
    if (presented === null) return null;
    const key = looksLikeApiKey(presented) ? await findApiKeyByHash(hashApiKey(presented)) : null;
    if (!key || key.revokedAtMs !== null) {
      throw new DomainError('unauthenticated', 'Unknown or revoked API key.');
    }
    await apiKeyRateLimiter()?.consume(key.id);
    noteUse({ kind: 'API key', ...key }, touchApiKey);
    return keyActor(key);
  },
};

/** The key a request presents, or null when it presents none. */
function presentedKey(request: Request, allowQueryKey: boolean): string | null {
  const header = request.headers.get('authorization');
  if (header !== null) {
    const match = /^Bearer(?:[ \t]+(\S*))?[ \t]*$/i.exec(header);
    // Another scheme is not ours to judge (nothing else here reads it); an empty Bearer is bad.
    if (match) return match[1] ?? '';
  }
  const query = new URL(request.url).searchParams;
  if (!query.has(API_KEY_QUERY_PARAM)) return null;
  if (!allowQueryKey) {
    throw new DomainError(
      'unauthenticated',
      `Send the API key as “Authorization: Bearer <key>”; ?${API_KEY_QUERY_PARAM}= is only taken by the /livekit/… endpoints.`,
    );
  }
  const values = query.getAll(API_KEY_QUERY_PARAM);
  if (values.length > 1) {
    throw new DomainError('unauthenticated', `Send ?${API_KEY_QUERY_PARAM}= once.`);
  }
  return values[0]!;
}

function keyActor(key: StoredApiKey): Actor {
  const permissions = new Set(ROLE_PERMISSIONS[key.role]);
  for (const permission of NEVER_BY_KEY) permissions.delete(permission);
  return {
    userId: `key:${key.id}`,
    username: key.name,
    name: key.name,
    role: key.role,
    permissions,
    tenant: key.tenant,
    rooms: key.rooms,
    source: 'api',
  };
}
