'use client';

import { callOperation } from './call-operation';
import type { RevokeApiKeyInput } from '@/lib/schemas/api-keys';

import { upsertApiKey } from './api-key-cache';
import { useActionMutation } from './use-action-mutation';

/** `name` only names the key in the toasts; the action identifies it by id. */
export type RevokeApiKeyVariables = { input: RevokeApiKeyInput; name: string };

export function useRevokeApiKey() {
  return useActionMutation({
    action: ({ input }: RevokeApiKeyVariables) => callOperation('revokeApiKey', input),
    success: (_key, { name }) => `Revoked API key ${name}: it is refused from now on.`,
    failure: ({ name }) => `Could not revoke API key ${name}`,
    update: (queryClient, apiKey) => upsertApiKey(queryClient, apiKey),
  });
}
