'use client';

import { PlusIcon, Trash2Icon } from 'lucide-react';
import {
  Controller,
  useFieldArray,
  type Control,
  type FieldErrors,
  type UseFormRegister,
} from 'react-hook-form';

import { MetadataEditor } from '@/components/moderation/metadata-editor';
import { Button } from '@/components/ui/button';
import { describedBy, FormField, TextField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { textareaClassName } from '@/components/ui/textarea-class';
import type { GenerateTokenFormInput, GenerateTokenOptions } from '@/lib/schemas/tokens';

const NUMBER_FIELDS = [
  [
    'emptyTimeout',
    'Empty timeout (seconds)',
    'How long the room stays open if nobody joins. 0 = server default (300 s).',
  ],
  [
    'departureTimeout',
    'Departure timeout (seconds)',
    'How long the room stays open after the last person leaves. 0 = server default (20 s).',
  ],
  ['maxParticipants', 'Max participants', '0 = no limit.'],
  ['minPlayoutDelay', 'Min playout delay (ms)', 'Minimum playout delay.'],
  ['maxPlayoutDelay', 'Max playout delay (ms)', 'Maximum playout delay; 0 = none.'],
] as const;

const toNumber = (value: unknown) => (value === '' || value === null ? 0 : Number(value));

/** The RoomConfiguration a token carries: CreateRoom's options and the agents to dispatch. */
export function RoomConfigFields({
  control,
  register,
  errors,
}: {
  control: Control<GenerateTokenFormInput, unknown, GenerateTokenOptions>;
  register: UseFormRegister<GenerateTokenFormInput>;
  errors: FieldErrors<GenerateTokenFormInput>;
}) {
  const agents = useFieldArray({ control, name: 'roomConfig.agents' });
  const configErrors = errors.roomConfig;

  return (
    <div className="flex flex-col gap-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          id="token-config-name"
          label="Configuration name"
          help="LiveKit's id of a named configuration; not the room's name. Usually empty."
          error={configErrors?.name?.message}
          autoComplete="off"
          {...register('roomConfig.name')}
        />
        {NUMBER_FIELDS.map(([name, label, help]) => {
          const id = `token-config-${name}`;
          const error = configErrors?.[name]?.message;
          return (
            <FormField key={name} id={id} label={label} help={help} error={error}>
              <Input
                id={id}
                type="number"
                min={0}
                inputMode="numeric"
                aria-invalid={Boolean(error)}
                aria-describedby={describedBy(id, { help: true, error })}
                {...register(`roomConfig.${name}`, { setValueAs: toNumber })}
              />
            </FormField>
          );
        })}
      </div>
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" className="mt-0.5 size-4" {...register('roomConfig.syncStreams')} />
        <span>
          Sync streams
          <span className="text-muted-foreground block text-xs">
            Keeps audio and video in sync when playout delays exceed 200 ms.
          </span>
        </span>
      </label>
      <Controller
        control={control}
        name="roomConfig.metadata"
        render={({ field, fieldState }) => (
          <MetadataEditor
            id="token-config-metadata"
            label="Room metadata"
            value={field.value ?? ''}
            onChange={field.onChange}
            error={fieldState.error?.message}
          />
        )}
      />
      <fieldset className="flex flex-col gap-3 rounded-md border p-3">
        <legend className="px-1 text-sm font-medium">Agent dispatches</legend>
        <p className="text-muted-foreground text-xs">
          Agents dispatched to the room when this token&apos;s join creates it. None =
          LiveKit&apos;s default dispatch.
        </p>
        {agents.fields.map((agent, index) => {
          const nameId = `token-config-agent-${index}-name`;
          const metaId = `token-config-agent-${index}-metadata`;
          const nameError = configErrors?.agents?.[index]?.agentName?.message;
          return (
            <div key={agent.id} className="grid gap-2 sm:grid-cols-[1fr_1fr_auto] sm:items-start">
              <FormField id={nameId} label={`Agent ${index + 1} name`} error={nameError}>
                <Input
                  id={nameId}
                  autoComplete="off"
                  aria-invalid={Boolean(nameError)}
                  {...register(`roomConfig.agents.${index}.agentName`)}
                />
              </FormField>
              <FormField id={metaId} label={`Agent ${index + 1} metadata`}>
                <textarea
                  id={metaId}
                  rows={1}
                  className={textareaClassName.replace('min-h-24', 'min-h-9')}
                  {...register(`roomConfig.agents.${index}.metadata`)}
                />
              </FormField>
              <Button
                variant="ghost"
                size="icon"
                className="sm:mt-5"
                aria-label={`Remove agent ${index + 1}`}
                onClick={() => agents.remove(index)}
              >
                <Trash2Icon aria-hidden />
              </Button>
            </div>
          );
        })}
        <Button
          variant="secondary"
          size="sm"
          className="self-start"
          onClick={() => agents.append({ agentName: '', metadata: '' })}
        >
          <PlusIcon aria-hidden />
          Add agent dispatch
        </Button>
      </fieldset>
    </div>
  );
}
