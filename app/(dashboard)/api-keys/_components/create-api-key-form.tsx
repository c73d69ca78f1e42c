'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';

import { applyFieldErrors } from '@/components/moderation/apply-field-errors';
import { Button } from '@/components/ui/button';
import { SelectField, TextareaField, TextField } from '@/components/ui/form-field';
import { TenantField } from '@/components/ui/tenant-field';
import { ModalClose, ModalFooter } from '@/components/ui/modal';
import { SubmitButton } from '@/components/ui/submit-button';
import type { CreatedApiKeyDto } from '@/lib/contracts/api-keys';
import { ROLES } from '@/lib/contracts/permissions';
import { useCreateApiKey } from '@/lib/queries/mutations/use-create-api-key';
import { createApiKeyFormSchema } from '@/lib/schemas/api-keys';

type FormInput = z.input<typeof createApiKeyFormSchema>;
type FormOutput = z.output<typeof createApiKeyFormSchema>;

const ROLE_HELP =
  'Viewer reads rooms; moderator also mutes and removes; admin also manages rooms and users. No key manages keys.';

export function CreateApiKeyForm({
  actorTenant,
  onCreated,
}: {
  actorTenant: string | null;
  onCreated: (result: CreatedApiKeyDto) => void;
}) {
  const createApiKey = useCreateApiKey();
  const form = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(createApiKeyFormSchema),
    defaultValues: { name: '', role: 'moderator', tenant: '', rooms: '' },
  });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit((values) =>
    createApiKey.mutate(
      // A tenant-bound admin has no tenant field: the server puts the key in its tenant.
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
        id="create-api-key-name"
        label="Name"
        help="Who uses it, e.g. acme-portal. The audit log shows it as the actor."
        error={errors.name?.message}
        autoComplete="off"
        spellCheck={false}
        {...form.register('name')}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          id="create-api-key-role"
          label="Role"
          help={ROLE_HELP}
          error={errors.role?.message}
          options={ROLES}
          {...form.register('role')}
        />
        <TenantField
          actorTenant={actorTenant}
          bound="The key acts for"
          id="create-api-key-tenant"
          help="The auth_id in the metadata of the rooms it may act on. Empty = every room."
          error={errors.tenant?.message}
          {...form.register('tenant')}
        />
      </div>
      <TextareaField
        id="create-api-key-rooms"
        label="Rooms"
        help="Optional: limit the key to these rooms, one name per line, exactly as in LiveKit."
        error={errors.rooms?.message}
        {...form.register('rooms')}
      />
      <ModalFooter>
        <ModalClose asChild>
          <Button variant="secondary">Cancel</Button>
        </ModalClose>
        <SubmitButton pending={createApiKey.isPending}>Create API key</SubmitButton>
      </ModalFooter>
    </form>
  );
}
