'use client';

import {
  Controller,
  useFieldArray,
  type Control,
  type FieldErrors,
  type UseFormRegister,
} from 'react-hook-form';

import { MetadataEditor } from '@/components/moderation/metadata-editor';
import {
  AgentDispatchFields,
  ROOM_NUMBER_FIELDS,
  RoomNumberField,
  SyncStreamsField,
  toNumber,
} from '@/components/moderation/room-config-fields';
import { TextField } from '@/components/ui/form-field';
import type { GenerateTokenFormInput, GenerateTokenOptions } from '@/lib/schemas/tokens';

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
        {ROOM_NUMBER_FIELDS.map(([name, label, help]) => (
          <RoomNumberField
            key={name}
            id={`token-config-${name}`}
            label={label}
            help={help}
            error={configErrors?.[name]?.message}
            registration={register(`roomConfig.${name}`, { setValueAs: toNumber })}
          />
        ))}
      </div>
      <SyncStreamsField registration={register('roomConfig.syncStreams')} />
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
      <AgentDispatchFields
        idPrefix="token-config-agent"
        when="when this token's join creates it"
        keys={agents.fields.map((agent) => agent.id)}
        field={(index, name) => register(`roomConfig.agents.${index}.${name}`)}
        nameError={(index) => configErrors?.agents?.[index]?.agentName?.message}
        onAdd={() => agents.append({ agentName: '', metadata: '' })}
        onRemove={agents.remove}
      />
    </div>
  );
}
