import 'server-only';

import { embedPortalSchema } from '@/lib/contracts/embed-portals';
import {
  findEmbedPortalById,
  revokeEmbedPortal as revokeStoredPortal,
} from '@/lib/db/embed-portals';
import { revokeEmbedPortalInputSchema } from '@/lib/schemas/embed-portals';

import { DomainError } from '../errors';
import { defineOperation } from '../operation';

import { findManagedPortal, toEmbedPortalDto } from './portal-rules';

/**
 * Revokes a portal for good: the store no longer gives out its secret (findEmbedPortalSecret
 * answers null), so its tokens cannot be verified from then on. The row stays, for the list and the
 * audit log.
 */
export const revokeEmbedPortal = defineOperation({
  name: 'revokeEmbedPortal',
  summary: 'Revoke an embedding portal',
  description:
    'The portal’s tokens are refused from then on. Revoking a revoked portal answers 409.',
  tag: 'Users',
  input: revokeEmbedPortalInputSchema,
  output: embedPortalSchema,
  permission: 'keys.manage',
  http: { method: 'DELETE', path: '/embed-portals/{portalId}' },
  audit: {
    action: 'portal.revoked',
    target: () => ({}),
    params: ({ portalId }) => ({ portalId }),
  },
  errors: ['not_found', 'conflict'],
  async act({ actor, auditParams }, { portalId }) {
    const portal = await findManagedPortal(actor, portalId);
    // Only once visible: a masked attempt must not put another tenant's portal name in the log.
    auditParams.name = portal.name;
    if (!(await revokeStoredPortal(portal.id, Date.now()))) {
      throw new DomainError('conflict', `The portal “${portal.name}” is already revoked.`);
    }
    const revoked = await findEmbedPortalById(portal.id);
    if (!revoked) throw new Error(`Embedding portal ${portal.id} vanished while being revoked`);
    return toEmbedPortalDto(revoked);
  },
});
