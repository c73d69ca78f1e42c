import 'server-only';

import { generateApiKey } from '@/lib/auth/api-key-secret';
import { createdApiKeySchema } from '@/lib/contracts/api-keys';
import { ApiKeyNameTakenError, insertApiKey } from '@/lib/db/api-keys';
import { createApiKeyInputSchema } from '@/lib/schemas/api-keys';

import { defineOperation } from '../operation';
import { takenNameError } from '../taken-name';

import { assertKeyTenantAssignable, toApiKeyDto } from './api-key-rules';

/**
 * Creates a REST API key and answers it once: only its SHA-256 is stored. The key acts with its
 * role's permissions (except managing keys), for its tenant, in its rooms (docs/rest-api.md).
 */
export const createApiKey = defineOperation({
  name: 'createApiKey',
  summary: 'Create a REST API key',
  description:
    'The answer carries the key itself, once; only its hash is stored. The key acts with the permissions of `role` (never `keys.manage`), only on rooms of `tenant` (all tenants when null), and only on `rooms` when given. A name used by a key that is not revoked answers 409 (400 for a tenant-bound caller).',
  tag: 'Users',
  input: createApiKeyInputSchema,
  output: createdApiKeySchema,
  permission: 'keys.manage',
  http: { method: 'POST', path: '/api-keys', status: 201 },
  audit: {
    action: 'apikey.created',
    target: () => ({}),
    params: ({ name, role, tenant, rooms }) => ({ name, role, tenant: tenant ?? null, rooms }),
  },
  errors: ['conflict'],
  async act({ actor, auditParams }, { name, role, tenant: requested, rooms }) {
    const tenant = requested === undefined ? actor.tenant : requested;
    auditParams.tenant = tenant;
    assertKeyTenantAssignable(actor, tenant);
    const { key, hash, prefix } = generateApiKey();
    try {
      const stored = await insertApiKey({
        name,
        hash,
        prefix,
        role,
        tenant,
        rooms,
        createdBy: actor.username,
      });
      auditParams.keyId = stored.id;
      return { apiKey: toApiKeyDto(stored), key };
    } catch (err) {
      if (!(err instanceof ApiKeyNameTakenError)) throw err;
      throw takenNameError(actor, { field: 'name', label: 'name', what: 'API key', name });
    }
  },
});
