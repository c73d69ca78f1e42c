import 'server-only';

import { decodeProtectedHeader } from 'jose';

import { auditAuth } from '@/lib/auth/auth-audit';
import { embedActor } from '@/lib/callers/embed-caller';
import { noteUse } from '@/lib/callers/note-use';
import type { EmbedSessionDto } from '@/lib/contracts/embed';
import { touchEmbedPortal } from '@/lib/db/embed-portals';
import { DomainError } from '@/lib/domain/errors';

import { signEmbedSession } from './embed-session';
import { verifyEmbedToken, type EmbedGrant } from './embed-token';

/**
 * An embed token exchanged for an embed session: the embedded page's sign-in, audited like the
 * dashboard's (`auth.signed_in` / `auth.sign_in_failed`, source `embed`, provider `embed`), so a
 * replayed or forged token leaves a trace an admin can find. `client` is the requester's address
 * (lib/auth/client-address.ts).
 */
export async function startEmbedSession(token: string, client: string): Promise<EmbedSessionDto> {
  let grant: EmbedGrant;
  try {
    grant = await verifyEmbedToken(token);
  } catch (err) {
    if (err instanceof DomainError) {
      await auditAuth({
        action: 'auth.sign_in_failed',
        attemptedName: 'embed token',
        outcome: 'denied',
        errorCode: err.code,
        // The portal named by a refused token is only a claim: recorded, never trusted.
        params: { provider: 'embed', portalId: claimedPortal(token), reason: err.message, client },
        source: 'embed',
      });
    }
    throw err;
  }
  const actor = embedActor(grant);
  await auditAuth({
    action: 'auth.signed_in',
    user: { id: actor.userId, username: actor.username, role: actor.role, tenant: actor.tenant },
    outcome: 'success',
    params: { provider: 'embed', portalId: grant.portalId, rooms: grant.rooms, client },
    source: 'embed',
  });
  noteUse(
    { kind: 'portal', id: grant.portalId, name: grant.portalId, lastUsedAtMs: null },
    touchEmbedPortal,
  );
  return {
    sessionToken: await signEmbedSession(grant),
    expiresAtMs: grant.expiresAtMs,
    actor: {
      name: actor.name,
      role: grant.role,
      tenant: actor.tenant,
      rooms: grant.rooms,
      permissions: [...actor.permissions],
    },
  };
}

function claimedPortal(token: string): string | null {
  try {
    const { kid } = decodeProtectedHeader(token);
    return typeof kid === 'string' ? kid.slice(0, 64) : null;
  } catch {
    return null;
  }
}
