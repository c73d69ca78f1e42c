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
import { EMBED_ROLES } from '@/lib/contracts/embed';
import type { CreatedEmbedPortalDto } from '@/lib/contracts/embed-portals';
import type { FieldErrors } from '@/lib/contracts/errors';
import { ActionError, isActionError } from '@/lib/queries/mutations/action-error';
import { useCreateEmbedPortal } from '@/lib/queries/mutations/use-create-embed-portal';
import { createEmbedPortalFormSchema } from '@/lib/schemas/embed-portals';

type FormInput = z.input<typeof createEmbedPortalFormSchema>;
type FormOutput = z.output<typeof createEmbedPortalFormSchema>;

const ROLE_HELP =
  'The most a token may grant: viewer watches rooms; moderator also mutes and removes. Never admin inside another site’s page.';

/** The server names a wrong origin by its place in the list (`allowedOrigins.1`); the form has one field. */
function originsAsOneField(error: unknown): unknown {
  if (!isActionError(error) || !error.fieldErrors) return error;
  const fieldErrors: FieldErrors = {};
  for (const [field, messages] of Object.entries(error.fieldErrors)) {
    const key = field.startsWith('allowedOrigins.') ? 'allowedOrigins' : field;
    (fieldErrors[key] ??= []).push(...messages);
  }
  return new ActionError(error.code, error.message, fieldErrors);
}

export function CreatePortalForm({
  actorTenant,
  onCreated,
}: {
  actorTenant: string | null;
  onCreated: (result: CreatedEmbedPortalDto) => void;
}) {
  const createPortal = useCreateEmbedPortal();
  const form = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(createEmbedPortalFormSchema),
    defaultValues: { name: '', allowedOrigins: '', tenant: '', maxRole: 'moderator' },
  });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit((values) =>
    createPortal.mutate(
      // A tenant-bound admin has no tenant field: the server puts the portal in its tenant.
      actorTenant ? { ...values, tenant: undefined } : values,
      {
        onSuccess: onCreated,
        onError: (error) => applyFieldErrors(originsAsOneField(error), form.setError),
      },
    ),
  );

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <TextField
        id="create-portal-name"
        label="Name"
        help="The product that embeds the views, e.g. Acme customer portal."
        error={errors.name?.message}
        autoComplete="off"
        {...form.register('name')}
      />
      <TextareaField
        id="create-portal-origins"
        label="Allowed origins"
        help="The sites whose pages may frame the views, one per line, exactly: https://portal.example.com (http only for localhost)."
        error={errors.allowedOrigins?.message}
        {...form.register('allowedOrigins')}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TenantField
          actorTenant={actorTenant}
          bound="Its tokens act for"
          id="create-portal-tenant"
          help="The auth_id in the metadata of the rooms it may show. Empty = every room."
          error={errors.tenant?.message}
          {...form.register('tenant')}
        />
        <SelectField
          id="create-portal-role"
          label="Max role"
          help={ROLE_HELP}
          error={errors.maxRole?.message}
          options={EMBED_ROLES}
          {...form.register('maxRole')}
        />
      </div>
      <ModalFooter>
        <ModalClose asChild>
          <Button variant="secondary">Cancel</Button>
        </ModalClose>
        <SubmitButton pending={createPortal.isPending}>Create portal</SubmitButton>
      </ModalFooter>
    </form>
  );
}
