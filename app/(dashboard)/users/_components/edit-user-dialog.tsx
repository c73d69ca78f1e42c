'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { InfoIcon } from 'lucide-react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';

import { applyFieldErrors } from '@/components/moderation/apply-field-errors';
import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/form-field';
import { Modal, ModalClose, ModalContent, ModalFooter } from '@/components/ui/modal';
import { SubmitButton } from '@/components/ui/submit-button';
import { ROLES } from '@/lib/contracts/permissions';
import type { UserDto } from '@/lib/contracts/dto';
import { useUpdateUser } from '@/lib/queries/mutations/use-update-user';
import { updateUserInputSchema } from '@/lib/schemas/users';

import { ROLE_HELP } from './role-help';

const formSchema = updateUserInputSchema.omit({ userId: true });
type FormInput = z.input<typeof formSchema>;
type FormOutput = z.output<typeof formSchema>;

/** Name, role and tenant of one account. The server re-checks every rule the form hints at. */
export function EditUserDialog({
  user,
  isSelf,
  actorTenant,
  onClose,
}: {
  user: UserDto;
  isSelf: boolean;
  actorTenant: string | null;
  onClose: () => void;
}) {
  const update = useUpdateUser();
  const { username } = user;
  // Taking away your own admin role would lock you out of this page mid-edit.
  const roleLocked = isSelf && user.role === 'admin';
  const form = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(formSchema),
    defaultValues: { name: user.name, role: user.role, tenant: user.tenant ?? '' },
  });
  const { errors, isDirty } = form.formState;

  const onSubmit = form.handleSubmit((values) =>
    update.mutate(
      {
        input: {
          userId: user.id,
          name: values.name,
          role: roleLocked ? undefined : values.role,
          // A tenant-bound admin cannot move users between tenants: it has no tenant field.
          tenant: actorTenant ? undefined : values.tenant,
        },
        username,
      },
      { onSuccess: onClose, onError: (error) => applyFieldErrors(error, form.setError) },
    ),
  );

  return (
    <Modal open onOpenChange={(open) => (open ? undefined : onClose())}>
      <ModalContent
        title={`Edit ${username}`}
        description={`A new role or tenant signs ${username} out everywhere${isSelf ? ', this browser included' : ''}.`}
      >
        <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
          {user.provider === 'oidc' ? (
            <p className="bg-accent text-accent-foreground flex items-start gap-2 rounded-md p-3 text-sm">
              <InfoIcon aria-hidden className="mt-0.5 size-4 shrink-0" />
              {username} signs in with OIDC: name, role and tenant are refreshed from the identity
              provider at each sign-in, so changes here last until their next sign-in.
            </p>
          ) : null}
          <TextField
            id="edit-user-name"
            label="Display name"
            error={errors.name?.message}
            autoComplete="off"
            {...form.register('name')}
          />
          <SelectField
            id="edit-user-role"
            label="Role"
            help={roleLocked ? 'You cannot remove your own admin role.' : ROLE_HELP}
            error={errors.role?.message}
            options={ROLES}
            {...form.register('role', { disabled: roleLocked })}
          />
          {actorTenant ? null : (
            <TextField
              id="edit-user-tenant"
              label="Tenant"
              help="The auth_id of the only rooms this user sees. Empty = every room."
              error={errors.tenant?.message}
              autoComplete="off"
              {...form.register('tenant')}
            />
          )}
          <ModalFooter>
            <ModalClose asChild>
              <Button variant="secondary">Cancel</Button>
            </ModalClose>
            <SubmitButton pending={update.isPending} disabled={!isDirty}>
              Save {username}
            </SubmitButton>
          </ModalFooter>
        </form>
      </ModalContent>
    </Modal>
  );
}
