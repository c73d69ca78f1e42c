'use client';

import type { GenerateTokenInput } from '@/lib/schemas/tokens';

import { callOperation } from './call-operation';
import { useActionMutation } from './use-action-mutation';

/**
 * The token is answered once and lives only in the page's state: nothing is cached. Failures are
 * shown in the form itself (a banned identity, a room out of scope), not as a toast.
 */
export function useGenerateToken() {
  return useActionMutation({
    action: (input: GenerateTokenInput) => callOperation('generateToken', input),
    success: () => null,
    failure: ({ identity }) => `Could not generate a token for ${identity}`,
    onFailure: () => true,
  });
}
