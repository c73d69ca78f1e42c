'use client';

import { callOperation } from './call-operation';
import type { CreateUserInput } from '@/lib/schemas/users';

import { useActionMutation } from './use-action-mutation';
import { upsertUser } from './user-cache';

export function useCreateUser() {
  return useActionMutation({
    action: (input: CreateUserInput) => callOperation('createUser', input),
    success: ({ user }) => `Created ${user.role} ${user.username}.`,
    failure: ({ username }) => `Could not create user ${username.trim().toLowerCase()}`,
    update: (queryClient, { user }) => upsertUser(queryClient, user),
  });
}
