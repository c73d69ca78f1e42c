'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { Controller, useFieldArray, useForm } from 'react-hook-form';
import { z } from 'zod';

import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { useCreateRoom } from '@/lib/queries/mutations/use-create-room';
import { createRoomInputSchema } from '@/lib/schemas/rooms';

import { applyFieldErrors } from './apply-field-errors';
import { MetadataEditor } from './metadata-editor';
import { metadataProblem } from './metadata-text';
import {
  AgentDispatchFields,
  ROOM_NUMBER_FIELDS,
  RoomNumberField,
  SyncStreamsField,
  toNumber,
} from './room-config-fields';
import { describedBy, FormField } from '@/components/ui/form-field';
import { ModalClose, ModalFooter } from '@/components/ui/modal';
import { SubmitButton } from '@/components/ui/submit-button';

const formSchema = createRoomInputSchema.superRefine((room, ctx) => {
  const problem = metadataProblem(room.metadata);
  if (problem) ctx.addIssue({ code: 'custom', path: ['metadata'], message: problem });
  if (room.maxPlayoutDelay > 0 && room.minPlayoutDelay > room.maxPlayoutDelay) {
    ctx.addIssue({
      code: 'custom',
      path: ['maxPlayoutDelay'],
      message: 'Must be at least the minimum playout delay',
    });
  }
});
type FormInput = z.input<typeof formSchema>;
type FormOutput = z.output<typeof formSchema>;

const DEFAULTS: FormInput = {
  roomName: '',
  emptyTimeout: 0,
  departureTimeout: 0,
  maxParticipants: 0,
  nodeId: '',
  metadata: '',
  minPlayoutDelay: 0,
  maxPlayoutDelay: 0,
  syncStreams: false,
  agents: [],
};

/**
 * The create-room form: every CreateRoom option LiveKit takes. Loaded only when the dialog opens,
 * so react-hook-form and the schema stay out of the rooms page's first load.
 */
export function CreateRoomForm({ onCreated }: { onCreated: () => void }) {
  const createRoom = useCreateRoom();
  const form = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(formSchema),
    defaultValues: DEFAULTS,
  });
  const agents = useFieldArray({ control: form.control, name: 'agents' });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit((room) =>
    createRoom.mutate(room, {
      onSuccess: onCreated,
      onError: (error) => applyFieldErrors(error, form.setError),
    }),
  );

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <FormField id="create-room-name" label="Room name" error={errors.roomName?.message}>
        <Input
          id="create-room-name"
          autoComplete="off"
          aria-invalid={Boolean(errors.roomName)}
          aria-describedby={describedBy('create-room-name', {
            error: errors.roomName?.message,
          })}
          {...form.register('roomName')}
        />
      </FormField>
      <div className="grid gap-4 sm:grid-cols-2">
        {ROOM_NUMBER_FIELDS.map(([name, label, help]) => (
          <RoomNumberField
            key={name}
            id={`create-room-${name}`}
            label={label}
            help={help}
            error={errors[name]?.message}
            registration={form.register(name, { setValueAs: toNumber })}
          />
        ))}
        <FormField
          id="create-room-node"
          label="Node ID"
          help="Pins the room to one LiveKit node (advanced). Empty = automatic."
          error={errors.nodeId?.message}
        >
          <Input
            id="create-room-node"
            autoComplete="off"
            aria-describedby={describedBy('create-room-node', { help: true })}
            {...form.register('nodeId')}
          />
        </FormField>
      </div>
      <SyncStreamsField registration={form.register('syncStreams')} />
      <Controller
        control={form.control}
        name="metadata"
        render={({ field, fieldState }) => (
          <MetadataEditor
            id="create-room-metadata"
            label="Metadata"
            value={field.value ?? ''}
            onChange={field.onChange}
            error={fieldState.error?.message}
          />
        )}
      />
      <AgentDispatchFields
        idPrefix="create-room-agent"
        when="when it starts"
        keys={agents.fields.map((agent) => agent.id)}
        field={(index, name) => form.register(`agents.${index}.${name}`)}
        nameError={(index) => errors.agents?.[index]?.agentName?.message}
        onAdd={() => agents.append({ agentName: '', metadata: '' })}
        onRemove={agents.remove}
      />
      <p className="text-muted-foreground text-xs">
        Auto-egress (recording the room or its tracks automatically) is configured on the LiveKit
        server, not in this form.
      </p>
      <ModalFooter>
        <ModalClose asChild>
          <Button variant="secondary">Cancel</Button>
        </ModalClose>
        <SubmitButton pending={createRoom.isPending}>Create room</SubmitButton>
      </ModalFooter>
    </form>
  );
}
