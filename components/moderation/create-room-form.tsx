'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { PlusIcon, Trash2Icon } from 'lucide-react';
import { Controller, useFieldArray, useForm } from 'react-hook-form';
import { z } from 'zod';

import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { useCreateRoom } from '@/lib/queries/mutations/use-create-room';
import { createRoomInputSchema } from '@/lib/schemas/rooms';

import { applyFieldErrors } from './apply-field-errors';
import { MetadataEditor } from './metadata-editor';
import { metadataProblem } from './metadata-text';
import { describedBy, FormField } from '@/components/ui/form-field';
import { ModalClose, ModalFooter } from '@/components/ui/modal';
import { SubmitButton } from '@/components/ui/submit-button';
import { textareaClassName } from '@/components/ui/textarea-class';

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
        {NUMBER_FIELDS.map(([name, label, help]) => {
          const id = `create-room-${name}`;
          const error = errors[name]?.message;

          return (
            <FormField key={name} id={id} label={label} help={help} error={error}>
              <Input
                id={id}
                type="number"
                min={0}
                inputMode="numeric"
                aria-invalid={Boolean(error)}
                aria-describedby={describedBy(id, { help: true, error })}
                {...form.register(name, { setValueAs: toNumber })}
              />
            </FormField>
          );
        })}
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
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" className="mt-0.5 size-4" {...form.register('syncStreams')} />
        <span>
          Sync streams
          <span className="text-muted-foreground block text-xs">
            Keeps audio and video in sync when playout delays exceed 200 ms.
          </span>
        </span>
      </label>
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
      <fieldset className="flex flex-col gap-3 rounded-md border p-3">
        <legend className="px-1 text-sm font-medium">Agent dispatches</legend>
        <p className="text-muted-foreground text-xs">
          Agents dispatched to the room when it starts. None = LiveKit&apos;s default dispatch.
        </p>
        {agents.fields.map((agent, index) => {
          const nameId = `create-room-agent-${index}-name`;
          const metaId = `create-room-agent-${index}-metadata`;
          const nameError = errors.agents?.[index]?.agentName?.message;

          return (
            <div key={agent.id} className="grid gap-2 sm:grid-cols-[1fr_1fr_auto] sm:items-start">
              <FormField id={nameId} label={`Agent ${index + 1} name`} error={nameError}>
                <Input
                  id={nameId}
                  autoComplete="off"
                  aria-invalid={Boolean(nameError)}
                  {...form.register(`agents.${index}.agentName`)}
                />
              </FormField>
              <FormField id={metaId} label={`Agent ${index + 1} metadata`}>
                <textarea
                  id={metaId}
                  rows={1}
                  className={textareaClassName.replace('min-h-24', 'min-h-9')}
                  {...form.register(`agents.${index}.metadata`)}
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
