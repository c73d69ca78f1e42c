'use client';

import { callOperation } from './call-operation';
import type { RevokeEmbedPortalInput } from '@/lib/schemas/embed-portals';

import { upsertEmbedPortal } from './embed-portal-cache';
import { useActionMutation } from './use-action-mutation';

/** `name` only names the portal in the toasts; the action identifies it by id. */
export type RevokeEmbedPortalVariables = { input: RevokeEmbedPortalInput; name: string };

export function useRevokeEmbedPortal() {
  return useActionMutation({
    action: ({ input }: RevokeEmbedPortalVariables) => callOperation('revokeEmbedPortal', input),
    success: (_portal, { name }) => `Revoked portal ${name}: its tokens are refused from now on.`,
    failure: ({ name }) => `Could not revoke portal ${name}`,
    update: (queryClient, portal) => upsertEmbedPortal(queryClient, portal),
  });
}
