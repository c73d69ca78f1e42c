'use client';

import { TriangleAlertIcon } from 'lucide-react';
import { useId, type ReactNode } from 'react';

import { CopyField } from '@/components/ui/copy-field';

/**
 * A generated secret (a password, an API key, a portal's signing secret) shown once: the server
 * keeps only its hash — or, for a portal's secret, a sealed copy it never shows again — so closing
 * the dialog loses it.
 */
export function OneTimeSecret({
  label,
  copyLabel,
  value,
  noun,
  children,
  className,
}: {
  /** Names the secret and whose it is, e.g. "Password of ann": the field's label. */
  label: string;
  /** The copy button's name, e.g. "Copy the password of ann". */
  copyLabel: string;
  value: string;
  /** "password", "key": for the fallback message. */
  noun: string;
  /** What to do with it now, under the field. */
  children: ReactNode;
  className?: string;
}) {
  const id = useId();

  return (
    <div className="flex flex-col gap-3">
      <CopyField
        id={id}
        label={label}
        copyLabel={copyLabel}
        value={value}
        noun={noun}
        className={className}
        aria-describedby={`${id}-help`}
      />
      <p
        id={`${id}-help`}
        className="bg-warning-soft text-warning flex items-start gap-2 rounded-md p-3 text-sm"
      >
        <TriangleAlertIcon aria-hidden className="mt-0.5 size-4 shrink-0" />
        <span>It is shown only this once. {children}</span>
      </p>
    </div>
  );
}
