'use server';

import { createUser } from '@/lib/domain/users/create-user';
import { resetPassword } from '@/lib/domain/users/reset-password';
import { setUserDisabled } from '@/lib/domain/users/set-user-disabled';
import { updateUser } from '@/lib/domain/users/update-user';
import type {
  CreateUserInput,
  ResetPasswordInput,
  SetUserDisabledInput,
  UpdateUserInput,
} from '@/lib/schemas/users';

import { runAction } from './run-action';

export async function createUserAction(input: CreateUserInput) {
  return runAction((actor) => createUser(actor, input));
}

export async function updateUserAction(input: UpdateUserInput) {
  return runAction((actor) => updateUser(actor, input));
}

export async function setUserDisabledAction(input: SetUserDisabledInput) {
  return runAction((actor) => setUserDisabled(actor, input));
}

export async function resetPasswordAction(input: ResetPasswordInput) {
  return runAction((actor) => resetPassword(actor, input));
}
