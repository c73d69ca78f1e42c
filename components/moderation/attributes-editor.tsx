'use client';

import { PlusIcon, Trash2Icon } from 'lucide-react';

import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';

import type { AttributeRow } from './attribute-changes';

/** Key/value rows. Removing a row deletes the attribute in LiveKit (sent as an empty value). */
export function AttributesEditor({
  rows,
  onChange,
  error,
}: {
  rows: AttributeRow[];
  onChange: (rows: AttributeRow[]) => void;
  error?: string;
}) {
  const set = (index: number, patch: Partial<AttributeRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));

  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-1 text-sm font-medium">Attributes</legend>
      <p className="text-muted-foreground text-xs">
        Removing a row deletes that attribute (LiveKit needs an empty value for that; it is sent for
        you). An empty value also deletes the key.
      </p>
      {rows.length === 0 ? <p className="text-muted-foreground text-sm">No attributes.</p> : null}
      {rows.map((row, index) => (
        <div key={index} className="grid grid-cols-[1fr_1fr_auto] items-center gap-2">
          <Input
            aria-label={`Attribute ${index + 1} key`}
            placeholder="key"
            value={row.key}
            onChange={(e) => set(index, { key: e.target.value })}
            className="font-mono text-xs"
          />
          <Input
            aria-label={`Attribute ${index + 1} value`}
            placeholder="value"
            value={row.value}
            onChange={(e) => set(index, { value: e.target.value })}
            className="font-mono text-xs"
          />
          <Button
            variant="ghost"
            size="icon"
            aria-label={`Remove attribute ${row.key || index + 1}`}
            onClick={() => onChange(rows.filter((_, i) => i !== index))}
          >
            <Trash2Icon aria-hidden />
          </Button>
        </div>
      ))}
      {error ? <p className="text-destructive text-xs font-medium">{error}</p> : null}
      <Button
        variant="secondary"
        size="sm"
        className="self-start"
        onClick={() => onChange([...rows, { key: '', value: '' }])}
      >
        <PlusIcon aria-hidden />
        Add attribute
      </Button>
    </fieldset>
  );
}
