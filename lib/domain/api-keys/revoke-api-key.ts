import 'server-only';

import { apiKeySchema } from '@/lib/contracts/api-keys';
import { revokeApiKey as revokeStoredApiKey } from '@/lib/db/api-keys';
import { revokeApiKeyInputSchema } from '@/lib/schemas/api-keys';

import { DomainError } from '../errors';
import { defineOperation } from '../operation';

import { findManagedApiKey, toApiKeyDto } from './api-key-rules';

/**
 * Revokes a key for good: its next request is refused (keys are looked up on every request, so on
 * every instance at once). The row stays, for the list and the audit log.
 */
export const revokeApiKey = defineOperation({
  name: 'revokeApiKey',
  summary: 'Revoke a REST API key',
  description:
    'The key is refused from its next request on, on every instance. Revoking a revoked key answers 409.',
  tag: 'Users',
  input: revokeApiKeyInputSchema,
  output: apiKeySchema,
  permission: 'keys.manage',
  http: { method: 'DELETE', path: '/api-keys/{keyId}' },
  audit: {
    action: 'apikey.revoked',
    target: () => ({}),
    params: ({ keyId }) => ({ keyId }),
  },
  errors: ['not_found', 'conflict'],
  async act({ actor, auditParams }, { keyId }) {
    const key = await findManagedApiKey(actor, keyId);
    // Only once visible: a masked attempt must not put another tenant's key name in the log.
    auditParams.name = key.name;
    const revoked = await revokeStoredApiKey(key.id);
    if (!revoked) throw new DomainError('conflict', `The key “${key.name}” is already revoked.`);
    return toApiKeyDto(revoked);
  },
});
