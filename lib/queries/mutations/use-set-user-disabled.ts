'use client';

import { callOperation } from './call-operation';
import type { SetUserDisabledInput } from '@/lib/schemas/users';

import { useActionMutation } from './use-action-mutation';
import { upsertUser } from './user-cache';

/** `username` only names the target in the toasts; the action identifies the user by id. */
export type SetUserDisabledVariables = { input: SetUserDisabledInput; username: string };

export function useSetUserDisabled() {
  return useActionMutation({
    action: ({ input }: SetUserDisabledVariables) => callOperation('setUserDisabled', input),
    success: (user) =>
      user.disabled
        ? `Disabled ${user.username}: signed out on their next request.`
        : `Enabled ${user.username}.`,
    failure: ({ input, username }) =>
      `Could not ${input.disabled ? 'disable' : 'enable'} ${username}`,
    update: (queryClient, user) => upsertUser(queryClient, user),
  });
}
