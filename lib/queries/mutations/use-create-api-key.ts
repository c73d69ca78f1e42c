'use client';

import { callOperation } from './call-operation';
import type { CreateApiKeyInput } from '@/lib/schemas/api-keys';

import { upsertApiKey } from './api-key-cache';
import { useActionMutation } from './use-action-mutation';

export function useCreateApiKey() {
  return useActionMutation({
    action: (input: CreateApiKeyInput) => callOperation('createApiKey', input),
    // The dialog shows the key itself; a toast would only repeat it.
    success: () => null,
    failure: ({ name }) => `Could not create API key ${name.trim()}`,
    update: (queryClient, { apiKey }) => upsertApiKey(queryClient, apiKey),
  });
}
