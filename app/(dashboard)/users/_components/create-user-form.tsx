'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';

import { applyFieldErrors } from '@/components/moderation/apply-field-errors';
import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/form-field';
import { TenantField } from '@/components/ui/tenant-field';
import { ModalClose, ModalFooter } from '@/components/ui/modal';
import { SubmitButton } from '@/components/ui/submit-button';
import { ROLES } from '@/lib/contracts/permissions';
import type { UserPasswordDto } from '@/lib/contracts/dto';
import { useCreateUser } from '@/lib/queries/mutations/use-create-user';
import { createUserInputSchema, PASSWORD_MIN_LENGTH } from '@/lib/schemas/users';

import { ROLE_HELP } from './role-help';

type FormInput = z.input<typeof createUserInputSchema>;
type FormOutput = z.output<typeof createUserInputSchema>;

export function CreateUserForm({
  actorTenant,
  onCreated,
}: {
  actorTenant: string | null;
  onCreated: (result: UserPasswordDto) => void;
}) {
  const createUser = useCreateUser();
  const form = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(createUserInputSchema),
    defaultValues: { username: '', name: '', role: 'viewer', tenant: '', password: '' },
  });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit((values) =>
    createUser.mutate(
      // A tenant-bound admin has no tenant field: the server puts the user in its tenant.
      actorTenant ? { ...values, tenant: undefined } : values,
      {
        onSuccess: onCreated,
        onError: (error) => applyFieldErrors(error, form.setError),
      },
    ),
  );

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <TextField
        id="create-user-username"
        label="Username"
        help="Lower-case letters, digits, dots, dashes and underscores."
        error={errors.username?.message}
        autoComplete="off"
        spellCheck={false}
        {...form.register('username')}
      />
      <TextField
        id="create-user-name"
        label="Display name"
        help="Optional; the username when empty."
        error={errors.name?.message}
        autoComplete="off"
        {...form.register('name')}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          id="create-user-role"
          label="Role"
          help={ROLE_HELP}
          error={errors.role?.message}
          options={ROLES}
          {...form.register('role')}
        />
        <TenantField
          actorTenant={actorTenant}
          bound="The user is bound to"
          id="create-user-tenant"
          help="Optional: the auth_id of the only rooms this user sees. Empty = every room."
          error={errors.tenant?.message}
          {...form.register('tenant')}
        />
      </div>
      <TextField
        id="create-user-password"
        label="Password"
        help={`Leave empty to generate a strong one (shown once). Typed: at least ${PASSWORD_MIN_LENGTH} characters.`}
        error={errors.password?.message}
        type="password"
        autoComplete="new-password"
        {...form.register('password')}
      />
      <ModalFooter>
        <ModalClose asChild>
          <Button variant="secondary">Cancel</Button>
        </ModalClose>
        <SubmitButton pending={createUser.isPending}>Create user</SubmitButton>
      </ModalFooter>
    </form>
  );
}
