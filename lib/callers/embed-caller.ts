import 'server-only';

import { EMBED_AUTH_SCHEME } from '@/lib/contracts/embed';
import { ROLE_PERMISSIONS } from '@/lib/contracts/permissions';
import type { Actor } from '@/lib/domain/actor';
import { DomainError } from '@/lib/domain/errors';
import { findLiveEmbedPortal } from '@/lib/embed/embed-portal';
import { verifyEmbedSession } from '@/lib/embed/embed-session';
import type { EmbedGrant } from '@/lib/embed/embed-token';

import type { CallerStrategy } from './types';

const HEADER = new RegExp(`^${EMBED_AUTH_SCHEME}[ \\t]+(\\S+)[ \\t]*$`, 'i');

/**
 * `Authorization: Embed <session token>` from an embedded page (lib/embed/embed-session.ts). The
 * portal is looked up on every request, so revoking it ends its iframes' sessions at once. The
 * actor is the token's subject with its role's permissions, in its tenant and rooms; its actions
 * are audited with source `embed`.
 */
export const embedCaller: CallerStrategy = {
  name: 'embed',
  async resolve({ request }) {
    const header = request?.headers.get('authorization');
    if (!header) return null;
    const match = HEADER.exec(header);
    if (!match) return null;
    const grant = await verifyEmbedSession(match[1]!);
    if (!(await findLiveEmbedPortal(grant.portalId))) {
      throw new DomainError('unauthenticated', 'This portal has been revoked.');
    }
    return embedActor(grant);
  },
};

export function embedActor(grant: EmbedGrant): Actor {
  return {
    userId: `embed:${grant.portalId}:${grant.subject}`,
    username: grant.subject,
    name: grant.name,
    role: grant.role,
    permissions: ROLE_PERMISSIONS[grant.role],
    tenant: grant.tenant,
    rooms: grant.rooms,
    source: 'embed',
    expiresAtMs: grant.expiresAtMs,
  };
}
