'use client';

import { callOperation } from './call-operation';
import { userKeys } from '@/lib/queries/keys';
import type { UserSessionsInput } from '@/lib/schemas/user-sessions';

import { useActionMutation } from './use-action-mutation';

/** `username` only names the target in the toasts; the action identifies the user by id. */
export type RevokeUserSessionsVariables = { input: UserSessionsInput; username: string };

export function useRevokeUserSessions() {
  return useActionMutation({
    action: ({ input }: RevokeUserSessionsVariables) => callOperation('revokeUserSessions', input),
    success: ({ revoked }, { username }) =>
      `Signed ${username} out everywhere: ${revoked} ${revoked === 1 ? 'session' : 'sessions'} ended.`,
    failure: ({ username }) => `Could not sign ${username} out everywhere`,
    update: (queryClient, _data, { input }) => {
      queryClient.setQueryData(userKeys.sessions(input.userId), []);
      void queryClient.invalidateQueries({ queryKey: userKeys.sessions(input.userId) });
    },
  });
}
