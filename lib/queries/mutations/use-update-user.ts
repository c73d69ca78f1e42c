'use client';

import { callOperation } from './call-operation';
import type { UpdateUserInput } from '@/lib/schemas/users';

import { useActionMutation } from './use-action-mutation';
import { upsertUser } from './user-cache';

/** `username` only names the target in the toasts; the action identifies the user by id. */
export type UpdateUserVariables = { input: UpdateUserInput; username: string };

export function useUpdateUser() {
  return useActionMutation({
    action: ({ input }: UpdateUserVariables) => callOperation('updateUser', input),
    success: (user) => `Saved ${user.username}.`,
    failure: ({ username }) => `Could not save ${username}`,
    update: (queryClient, user) => upsertUser(queryClient, user),
  });
}
