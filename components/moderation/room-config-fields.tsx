'use client';

import { PlusIcon, Trash2Icon } from 'lucide-react';
import type { UseFormRegisterReturn } from 'react-hook-form';

import { Button } from '@/components/ui/button';
import { describedBy, FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { textareaClassName } from '@/components/ui/textarea-class';

/**
 * The parts of LiveKit's room configuration that CreateRoom and a token's `roomConfig` share, for
 * both forms (create room, token generator): the numeric options with their help, Sync streams,
 * and the agent dispatches.
 */
export const ROOM_NUMBER_FIELDS = [
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

/** An emptied number input means LiveKit's default, 0. */
export const toNumber = (value: unknown) => (value === '' || value === null ? 0 : Number(value));

export function RoomNumberField({
  id,
  label,
  help,
  error,
  registration,
}: {
  id: string;
  label: string;
  help: string;
  error?: string;
  registration: UseFormRegisterReturn;
}) {
  return (
    <FormField id={id} label={label} help={help} error={error}>
      <Input
        id={id}
        type="number"
        min={0}
        inputMode="numeric"
        aria-invalid={Boolean(error)}
        aria-describedby={describedBy(id, { help: true, error })}
        {...registration}
      />
    </FormField>
  );
}

export function SyncStreamsField({ registration }: { registration: UseFormRegisterReturn }) {
  return (
    <label className="flex items-start gap-2 text-sm">
      <input type="checkbox" className="mt-0.5 size-4" {...registration} />
      <span>
        Sync streams
        <span className="text-muted-foreground block text-xs">
          Keeps audio and video in sync when playout delays exceed 200 ms.
        </span>
      </span>
    </label>
  );
}

/** The agents dispatched to the room: a name and optional metadata each, added and removed. */
export function AgentDispatchFields({
  idPrefix,
  when,
  keys,
  field,
  nameError,
  onAdd,
  onRemove,
}: {
  idPrefix: string;
  /** When they are dispatched: "when it starts". */
  when: string;
  /** useFieldArray's stable key of each dispatch, in order. */
  keys: readonly string[];
  field: (index: number, name: 'agentName' | 'metadata') => UseFormRegisterReturn;
  nameError: (index: number) => string | undefined;
  onAdd: () => void;
  onRemove: (index: number) => void;
}) {
  return (
    <fieldset className="flex flex-col gap-3 rounded-md border p-3">
      <legend className="px-1 text-sm font-medium">Agent dispatches</legend>
      <p className="text-muted-foreground text-xs">
        Agents dispatched to the room {when}. None = LiveKit&apos;s default dispatch.
      </p>
      {keys.map((key, index) => {
        const nameId = `${idPrefix}-${index}-name`;
        const metaId = `${idPrefix}-${index}-metadata`;
        const error = nameError(index);
        return (
          <div key={key} className="grid gap-2 sm:grid-cols-[1fr_1fr_auto] sm:items-start">
            <FormField id={nameId} label={`Agent ${index + 1} name`} error={error}>
              <Input
                id={nameId}
                autoComplete="off"
                aria-invalid={Boolean(error)}
                {...field(index, 'agentName')}
              />
            </FormField>
            <FormField id={metaId} label={`Agent ${index + 1} metadata`}>
              <textarea
                id={metaId}
                rows={1}
                className={textareaClassName.replace('min-h-24', 'min-h-9')}
                {...field(index, 'metadata')}
              />
            </FormField>
            <Button
              variant="ghost"
              size="icon"
              className="sm:mt-5"
              aria-label={`Remove agent ${index + 1}`}
              onClick={() => onRemove(index)}
            >
              <Trash2Icon aria-hidden />
            </Button>
          </div>
        );
      })}
      <Button variant="secondary" size="sm" className="self-start" onClick={onAdd}>
        <PlusIcon aria-hidden />
        Add agent dispatch
      </Button>
    </fieldset>
  );
}
