import 'server-only';

import { generatePortalSecret } from '@/lib/auth/portal-secret';
import { createdEmbedPortalSchema } from '@/lib/contracts/embed-portals';
import { EmbedPortalNameTakenError, insertEmbedPortal } from '@/lib/db/embed-portals';
import { createEmbedPortalInputSchema } from '@/lib/schemas/embed-portals';

import { defineOperation } from '../operation';
import { takenNameError } from '../taken-name';

import { assertPortalTenantAssignable, toEmbedPortalDto } from './portal-rules';

/**
 * Registers a product that embeds room views in an iframe, and answers its signing secret once.
 * The secret is stored sealed, not hashed (lib/auth/portal-secret.ts): verifying the portal's
 * HS256 tokens needs it. Tokens act for the portal's tenant, with at most its `maxRole`, framed
 * only by its allowed origins.
 */
export const createEmbedPortal = defineOperation({
  name: 'createEmbedPortal',
  summary: 'Create an embedding portal',
  description:
    'The answer carries the portal’s signing secret, once: its backend signs short-lived embed tokens (HS256 JWTs, `kid` = the portal id) with it. Tokens act on rooms of `tenant` (all tenants when null), with at most the permissions of `maxRole` (never admin), in pages framed by `allowedOrigins` only. A name used by a portal that is not revoked answers 409 (400 for a tenant-bound caller).',
  tag: 'Users',
  input: createEmbedPortalInputSchema,
  output: createdEmbedPortalSchema,
  permission: 'keys.manage',
  http: { method: 'POST', path: '/embed-portals', status: 201 },
  audit: {
    action: 'portal.created',
    target: () => ({}),
    params: ({ name, allowedOrigins, tenant, maxRole }) => ({
      name,
      allowedOrigins,
      tenant: tenant ?? null,
      maxRole,
    }),
  },
  errors: ['conflict'],
  async act({ actor, auditParams }, { name, allowedOrigins, tenant: requested, maxRole }) {
    const tenant = requested === undefined ? actor.tenant : requested;
    auditParams.tenant = tenant;
    assertPortalTenantAssignable(actor, tenant);
    const secret = generatePortalSecret();
    try {
      const stored = await insertEmbedPortal({
        name,
        secret,
        allowedOrigins,
        tenant,
        maxRole,
        createdBy: actor.username,
      });
      auditParams.portalId = stored.id;
      return { portal: toEmbedPortalDto(stored), secret };
    } catch (err) {
      if (!(err instanceof EmbedPortalNameTakenError)) throw err;
      throw takenNameError(actor, { field: 'name', label: 'name', what: 'portal', name });
    }
  },
});
