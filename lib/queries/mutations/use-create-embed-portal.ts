'use client';

import { callOperation } from './call-operation';
import type { CreateEmbedPortalInput } from '@/lib/schemas/embed-portals';

import { upsertEmbedPortal } from './embed-portal-cache';
import { useActionMutation } from './use-action-mutation';

export function useCreateEmbedPortal() {
  return useActionMutation({
    action: (input: CreateEmbedPortalInput) => callOperation('createEmbedPortal', input),
    // The dialog shows the secret itself; a toast would only repeat it.
    success: () => null,
    failure: ({ name }) => `Could not create portal ${name.trim()}`,
    update: (queryClient, { portal }) => upsertEmbedPortal(queryClient, portal),
  });
}
