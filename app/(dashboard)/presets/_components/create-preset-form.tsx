'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, useWatch } from 'react-hook-form';
import type { z } from 'zod';

import { applyFieldErrors } from '@/components/moderation/apply-field-errors';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/form-field';
import { ModalClose, ModalFooter } from '@/components/ui/modal';
import { SubmitButton } from '@/components/ui/submit-button';
import { PERMISSION_FLAGS } from '@/lib/contracts/participant-permission';
import { PUBLISH_SOURCES, TRACK_SOURCE_INFO } from '@/lib/contracts/tracks';
import { useCreatePermissionPreset } from '@/lib/queries/mutations/use-permission-presets';
import { createPermissionPresetInputSchema } from '@/lib/schemas/permission-presets';

type FormInput = z.input<typeof createPermissionPresetInputSchema>;
type FormOutput = z.output<typeof createPermissionPresetInputSchema>;

/** The fields a preset sets, in the order the permission editor shows them. */
const FLAGS = ['canPublish', 'canSubscribe', 'canPublishData', 'hidden'] as const;

/** A key from the name: "Panel speaker" → "panel-speaker" (the admin may change it). */
function keyFrom(label: string): string {
  return label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^[^a-z]+|-+$/g, '')
    .slice(0, 40);
}

export function CreatePresetForm({ onCreated }: { onCreated: () => void }) {
  const create = useCreatePermissionPreset();
  const form = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(createPermissionPresetInputSchema),
    defaultValues: {
      key: '',
      label: '',
      description: '',
      permission: {
        canPublish: true,
        canSubscribe: true,
        canPublishData: true,
        hidden: false,
        canPublishSources: ['MICROPHONE'],
      },
    },
  });
  const { errors, dirtyFields } = form.formState;
  const canPublish = useWatch({ control: form.control, name: 'permission.canPublish' });

  const onSubmit = form.handleSubmit((values) =>
    create.mutate(
      // Sources only mean something with publish rights; without, the preset publishes nothing.
      values.permission.canPublish
        ? values
        : { ...values, permission: { ...values.permission, canPublishSources: [] } },
      { onSuccess: onCreated, onError: (error) => applyFieldErrors(error, form.setError) },
    ),
  );

  const labelField = form.register('label', {
    onChange: (event: { target: { value: string } }) => {
      if (!dirtyFields.key) form.setValue('key', keyFrom(event.target.value));
    },
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          id="preset-label"
          label="Name"
          help="What moderators see, e.g. Panelist."
          error={errors.label?.message}
          autoComplete="off"
          {...labelField}
        />
        <TextField
          id="preset-key"
          label="Key"
          help="Its name in the REST API: lowercase letters, digits, dashes."
          error={errors.key?.message}
          autoComplete="off"
          spellCheck={false}
          className="font-mono"
          {...form.register('key')}
        />
      </div>
      <TextField
        id="preset-description"
        label="Description"
        help="Optional: one line on when to use it."
        error={errors.description?.message}
        {...form.register('description')}
      />
      <fieldset className="grid gap-2 sm:grid-cols-2">
        <legend className="mb-1 text-sm font-medium">Permissions</legend>
        {FLAGS.map((flag) => (
          <label key={flag} className="flex items-start gap-2 text-sm">
            <input
              type="checkbox"
              className="mt-0.5 size-4"
              {...form.register(`permission.${flag}`)}
            />
            <span>
              {PERMISSION_FLAGS[flag].label}
              <span className="text-muted-foreground block text-xs">
                {PERMISSION_FLAGS[flag].hint}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      <fieldset className="flex flex-col gap-2" disabled={!canPublish}>
        <legend className="mb-1 text-sm font-medium">Sources it may publish</legend>
        <p className="text-muted-foreground text-xs">
          {canPublish
            ? 'None checked = every source.'
            : 'Without “Can publish” the preset publishes nothing.'}
        </p>
        <div className="flex flex-wrap gap-x-4 gap-y-2">
          {PUBLISH_SOURCES.map((source) => (
            <label key={source} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                className="size-4"
                value={source}
                {...form.register('permission.canPublishSources')}
              />
              {TRACK_SOURCE_INFO[source].label}
            </label>
          ))}
        </div>
      </fieldset>
      <p className="text-muted-foreground text-xs">
        Other fields (recorder, agent, metadata rights…) are kept as they are when it is applied.
      </p>
      <ModalFooter>
        <ModalClose asChild>
          <Button variant="secondary">Cancel</Button>
        </ModalClose>
        <SubmitButton pending={create.isPending}>Create preset</SubmitButton>
      </ModalFooter>
    </form>
  );
}
