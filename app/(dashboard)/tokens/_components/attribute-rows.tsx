'use client';

import { PlusIcon, Trash2Icon } from 'lucide-react';
import {
  useFieldArray,
  type Control,
  type FieldErrors,
  type UseFormRegister,
} from 'react-hook-form';

import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import type { GenerateTokenFormInput, GenerateTokenOptions } from '@/lib/schemas/tokens';

/** The participant's attributes in the token: key/value rows. */
export function AttributeRows({
  control,
  register,
  errors,
}: {
  control: Control<GenerateTokenFormInput, unknown, GenerateTokenOptions>;
  register: UseFormRegister<GenerateTokenFormInput>;
  errors: FieldErrors<GenerateTokenFormInput>;
}) {
  const rows = useFieldArray({ control, name: 'attributes' });
  const listError = errors.attributes?.message ?? errors.attributes?.root?.message;

  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-1 text-sm font-medium">Attributes</legend>
      <p className="text-muted-foreground text-xs">
        Key/value pairs the participant starts with; 64 KiB together at most.
      </p>
      {rows.fields.map((row, index) => {
        const keyError = errors.attributes?.[index]?.key?.message;
        return (
          <div key={row.id} className="grid grid-cols-[1fr_1fr_auto] items-start gap-2">
            <div className="flex flex-col gap-1">
              <Input
                aria-label={`Attribute ${index + 1} key`}
                placeholder="key"
                autoComplete="off"
                aria-invalid={Boolean(keyError)}
                className="font-mono text-xs"
                {...register(`attributes.${index}.key`)}
              />
              {keyError ? <p className="text-destructive text-xs font-medium">{keyError}</p> : null}
            </div>
            <Input
              aria-label={`Attribute ${index + 1} value`}
              placeholder="value"
              autoComplete="off"
              className="font-mono text-xs"
              {...register(`attributes.${index}.value`)}
            />
            <Button
              variant="ghost"
              size="icon"
              aria-label={`Remove attribute ${index + 1}`}
              onClick={() => rows.remove(index)}
            >
              <Trash2Icon aria-hidden />
            </Button>
          </div>
        );
      })}
      {listError ? <p className="text-destructive text-xs font-medium">{listError}</p> : null}
      <Button
        variant="secondary"
        size="sm"
        className="self-start"
        onClick={() => rows.append({ key: '', value: '' })}
      >
        <PlusIcon aria-hidden />
        Add attribute
      </Button>
    </fieldset>
  );
}
