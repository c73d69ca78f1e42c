import type { ComponentProps, ReactNode } from 'react';

import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { Select } from '@/components/ui/select';
import { textareaClassName } from '@/components/ui/textarea-class';
import { cn } from '@/lib/utils';

/** ids a control passes to `aria-describedby` so its help and error text are read out. */
export function describedBy(id: string, { help, error }: { help?: boolean; error?: string }) {
  return (
    [help ? `${id}-help` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') ||
    undefined
  );
}

/** Label, control, help text and validation message of one form field. */
export function FormField({
  id,
  label,
  help,
  error,
  className,
  children,
}: {
  id: string;
  label: ReactNode;
  help?: ReactNode;
  error?: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={cn('flex min-w-0 flex-col gap-1.5', className)}>
      <Label htmlFor={id}>{label}</Label>
      {children}
      {help ? (
        <p id={`${id}-help`} className="text-muted-foreground text-xs">
          {help}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-destructive text-xs font-medium">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/**
 * The common case: a labelled text input with optional help and error, wired for screen readers.
 * Takes every input prop (including react-hook-form's `register()` result).
 */
export function TextField({
  id,
  label,
  help,
  error,
  className,
  ...inputProps
}: {
  id: string;
  label: ReactNode;
  help?: ReactNode;
  error?: string;
} & Omit<ComponentProps<typeof Input>, 'id'>) {
  return (
    <FormField id={id} label={label} help={help} error={error} className={className}>
      <Input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, { help: Boolean(help), error })}
        {...inputProps}
      />
    </FormField>
  );
}

/**
 * A labelled native select over a fixed list of values shown as they are (roles, for instance),
 * with optional help and error, wired like TextField. Takes every select prop (including
 * react-hook-form's `register()` result).
 */
export function SelectField({
  id,
  label,
  help,
  error,
  options,
  className,
  ...selectProps
}: {
  id: string;
  label: ReactNode;
  help?: ReactNode;
  error?: string;
  options: readonly string[];
} & Omit<ComponentProps<typeof Select>, 'id' | 'children'>) {
  return (
    <FormField id={id} label={label} help={help} error={error} className={className}>
      <Select
        id={id}
        className="capitalize"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, { help: Boolean(help), error })}
        {...selectProps}
      >
        {options.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </Select>
    </FormField>
  );
}

/** A labelled textarea (a list, one entry per line), with optional help and error, wired like TextField. */
export function TextareaField({
  id,
  label,
  help,
  error,
  className,
  ...textareaProps
}: {
  id: string;
  label: ReactNode;
  help?: ReactNode;
  error?: string;
} & Omit<ComponentProps<'textarea'>, 'id'>) {
  return (
    <FormField id={id} label={label} help={help} error={error} className={className}>
      <textarea
        id={id}
        rows={3}
        spellCheck={false}
        autoComplete="off"
        className={textareaClassName}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, { help: Boolean(help), error })}
        {...textareaProps}
      />
    </FormField>
  );
}
