'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { TriangleAlertIcon } from 'lucide-react';
import { useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';

import { applyFieldErrors } from '@/components/moderation/apply-field-errors';
import { MetadataEditor } from '@/components/moderation/metadata-editor';
import { Card } from '@/components/ui/card';
import { describedBy, FormField, TextField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { SubmitButton } from '@/components/ui/submit-button';
import { VIDEO_GRANT_FLAG_KEYS, type GeneratedTokenDto } from '@/lib/contracts/tokens';
import { useActorSummary } from '@/lib/queries/actor-context';
import { useGenerateToken } from '@/lib/queries/mutations/use-generate-token';
import {
  generateTokenFormSchema,
  TOKEN_TTL_SECONDS,
  type GenerateTokenFormInput,
  type GenerateTokenOptions,
} from '@/lib/schemas/tokens';

import { AttributeRows } from './attribute-rows';
import { GrantFields } from './grant-fields';
import { RoomConfigFields } from './room-config-fields';

/** A participant that joins, publishes, subscribes and sends data: LiveKit's usual join token. */
const DEFAULTS: GenerateTokenFormInput = {
  identity: '',
  name: '',
  metadata: '',
  attributes: [],
  ttlMinutes: TOKEN_TTL_SECONDS.default / 60,
  video: {
    ...(Object.fromEntries(VIDEO_GRANT_FLAG_KEYS.map((key) => [key, false])) as Record<
      (typeof VIDEO_GRANT_FLAG_KEYS)[number],
      boolean
    >),
    roomJoin: true,
    canPublish: true,
    canSubscribe: true,
    canPublishData: true,
    room: '',
    destinationRoom: '',
    canPublishSources: [],
  },
  withRoomConfig: false,
  roomConfig: {
    name: '',
    emptyTimeout: 0,
    departureTimeout: 0,
    maxParticipants: 0,
    metadata: '',
    minPlayoutDelay: 0,
    maxPlayoutDelay: 0,
    syncStreams: false,
    agents: [],
  },
};

const toNumber = (value: unknown) => (value === '' || value === null ? Number.NaN : Number(value));

/**
 * Every field of a LiveKit token, grouped: who (identity, name, metadata, attributes, TTL), where
 * and what (room and grants), and the room configuration a join that creates the room applies.
 * The form stays filled in after generating, to make a similar token next.
 */
export function TokenForm({ onGenerated }: { onGenerated: (token: GeneratedTokenDto) => void }) {
  const { tenant } = useActorSummary();
  const generate = useGenerateToken();
  const [refusal, setRefusal] = useState<string | null>(null);
  const form = useForm<GenerateTokenFormInput, unknown, GenerateTokenOptions>({
    resolver: zodResolver(generateTokenFormSchema),
    defaultValues: DEFAULTS,
  });
  const { errors } = form.formState;
  const withRoomConfig = useWatch({ control: form.control, name: 'withRoomConfig' });

  const onSubmit = form.handleSubmit((input) => {
    setRefusal(null);
    generate.mutate(input, {
      onSuccess: onGenerated,
      onError: (error) => {
        applyFieldErrors(error, form.setError);
        setRefusal(error.message);
      },
    });
  });

  return (
    <Card aria-labelledby="token-form-heading" className="p-5">
      <h2 id="token-form-heading" className="mb-4 text-lg font-semibold">
        Generate a token
      </h2>
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-8">
        <fieldset className="flex flex-col gap-4">
          <legend className="mb-2 text-base font-semibold">Identity and profile</legend>
          <div className="grid gap-4 sm:grid-cols-3">
            <TextField
              id="token-identity"
              label="Identity"
              help="The participant's unique id in the room."
              error={errors.identity?.message}
              autoComplete="off"
              spellCheck={false}
              {...form.register('identity')}
            />
            <TextField
              id="token-name"
              label="Display name"
              help="Optional."
              error={errors.name?.message}
              autoComplete="off"
              {...form.register('name')}
            />
            <FormField
              id="token-ttl"
              label="Valid for (minutes)"
              help="6 hours by default, 24 hours at most. A token cannot be revoked, only outlived."
              error={errors.ttlMinutes?.message}
            >
              <Input
                id="token-ttl"
                type="number"
                min={1}
                max={TOKEN_TTL_SECONDS.max / 60}
                inputMode="numeric"
                aria-invalid={Boolean(errors.ttlMinutes)}
                aria-describedby={describedBy('token-ttl', {
                  help: true,
                  error: errors.ttlMinutes?.message,
                })}
                {...form.register('ttlMinutes', { setValueAs: toNumber })}
              />
            </FormField>
          </div>
          <Controller
            control={form.control}
            name="metadata"
            render={({ field, fieldState }) => (
              <MetadataEditor
                id="token-metadata"
                label="Participant metadata"
                value={field.value ?? ''}
                onChange={field.onChange}
                error={fieldState.error?.message}
              />
            )}
          />
          <AttributeRows control={form.control} register={form.register} errors={errors} />
        </fieldset>

        <GrantFields register={form.register} errors={errors} tenant={tenant} />

        <fieldset className="flex flex-col gap-4">
          <legend className="mb-2 text-base font-semibold">Room configuration</legend>
          <label className="flex items-start gap-2 text-sm">
            <input type="checkbox" className="mt-0.5 size-4" {...form.register('withRoomConfig')} />
            <span>
              Include a room configuration
              <span className="text-muted-foreground block text-xs">
                LiveKit applies it when this token&apos;s join creates the room; an existing room
                keeps its own.
                {tenant ? ` Your tokens always carry tenant ${tenant}'s auth_id in it.` : ''}
              </span>
            </span>
          </label>
          {errors.roomConfig?.message ? (
            <p className="text-destructive text-xs font-medium">{errors.roomConfig.message}</p>
          ) : null}
          {withRoomConfig ? (
            <RoomConfigFields control={form.control} register={form.register} errors={errors} />
          ) : null}
        </fieldset>

        {refusal ? (
          <p
            role="alert"
            className="bg-destructive/10 text-destructive flex items-start gap-2 rounded-md p-3 text-sm"
          >
            <TriangleAlertIcon aria-hidden className="mt-0.5 size-4 shrink-0" />
            <span>Not generated: {refusal}</span>
          </p>
        ) : null}
        <div className="flex justify-end">
          <SubmitButton pending={generate.isPending}>Generate token</SubmitButton>
        </div>
      </form>
    </Card>
  );
}
