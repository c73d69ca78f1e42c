'use client';

import { callOperation } from './call-operation';
import type { ResetPasswordInput } from '@/lib/schemas/users';

import { useActionMutation } from './use-action-mutation';
import { upsertUser } from './user-cache';

/** `username` only names the target in the toasts; the action identifies the user by id. */
export type ResetPasswordVariables = { input: ResetPasswordInput; username: string };

/** No success toast: the dialog shows the new password instead, which says it all. */
export function useResetPassword() {
  return useActionMutation({
    action: ({ input }: ResetPasswordVariables) => callOperation('resetPassword', input),
    success: () => null,
    failure: ({ username }) => `Could not reset the password of ${username}`,
    update: (queryClient, { user }) => upsertUser(queryClient, user),
  });
}
