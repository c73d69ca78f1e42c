'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';

import { applyFieldErrors } from '@/components/moderation/apply-field-errors';
import { Button } from '@/components/ui/button';
import { describedBy, FormField, TextField } from '@/components/ui/form-field';
import { ModalClose, ModalFooter } from '@/components/ui/modal';
import { Select } from '@/components/ui/select';
import { SubmitButton } from '@/components/ui/submit-button';
import { textareaClassName } from '@/components/ui/textarea-class';
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
        <FormField
          id="create-api-key-role"
          label="Role"
          help={ROLE_HELP}
          error={errors.role?.message}
        >
          <Select
            id="create-api-key-role"
            aria-describedby={describedBy('create-api-key-role', { help: true })}
            className="capitalize"
            {...form.register('role')}
          >
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {role}
              </option>
            ))}
          </Select>
        </FormField>
        {actorTenant ? (
          <p className="text-muted-foreground self-start text-sm sm:pt-5">
            The key acts for your tenant <strong className="text-foreground">{actorTenant}</strong>.
          </p>
        ) : (
          <TextField
            id="create-api-key-tenant"
            label="Tenant"
            help="The auth_id in the metadata of the rooms it may act on. Empty = every room."
            error={errors.tenant?.message}
            autoComplete="off"
            {...form.register('tenant')}
          />
        )}
      </div>
      <FormField
        id="create-api-key-rooms"
        label="Rooms"
        help="Optional: limit the key to these rooms, one name per line, exactly as in LiveKit."
        error={errors.rooms?.message}
      >
        <textarea
          id="create-api-key-rooms"
          rows={3}
          spellCheck={false}
          className={textareaClassName}
          aria-invalid={errors.rooms ? true : undefined}
          aria-describedby={describedBy('create-api-key-rooms', {
            help: true,
            error: errors.rooms?.message,
          })}
          {...form.register('rooms')}
        />
      </FormField>
      <ModalFooter>
        <ModalClose asChild>
          <Button variant="secondary">Cancel</Button>
        </ModalClose>
        <SubmitButton pending={createApiKey.isPending}>Create API key</SubmitButton>
      </ModalFooter>
    </form>
  );
}
