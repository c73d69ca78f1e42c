import 'server-only';

import { apiKeyListSchema } from '@/lib/contracts/api-keys';
import { listApiKeys as listStoredApiKeys } from '@/lib/db/api-keys';
import { listApiKeysInputSchema } from '@/lib/schemas/api-keys';

import { defineOperation } from '../operation';

import { canSeeApiKey, toApiKeyDto } from './api-key-rules';

/** The keys the admin may manage, revoked ones included, newest first. */
export const listApiKeys = defineOperation({
  name: 'listApiKeys',
  summary: 'List REST API keys',
  description: 'Revoked keys stay listed (with `revokedAtMs`); the keys themselves never are.',
  tag: 'Users',
  input: listApiKeysInputSchema,
  output: apiKeyListSchema,
  permission: 'keys.manage',
  http: { method: 'GET', path: '/api-keys' },
  audit: { action: 'apikeys.listed' },
  errors: [],
  async act({ actor }) {
    const keys = await listStoredApiKeys();
    return { apiKeys: keys.filter((key) => canSeeApiKey(actor, key)).map(toApiKeyDto) };
  },
});
