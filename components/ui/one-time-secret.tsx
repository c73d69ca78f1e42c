'use client';

import { CheckIcon, CopyIcon, TriangleAlertIcon } from 'lucide-react';
import { useId, useRef, useState, type ReactNode } from 'react';
import { toast } from 'sonner';

import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { cn } from '@/lib/utils';

/**
 * A generated secret (a password, an API key) shown once: the server keeps only its hash, so
 * closing the dialog loses it. Read-only text the admin can also select by hand when the
 * clipboard is unavailable.
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
  const [copied, setCopied] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const id = useId();

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      toast.success(`Copied: ${label}.`);
    } catch {
      inputRef.current?.select();
      toast.error('Could not copy', { description: `The ${noun} is selected: copy it by hand.` });
    }
  };

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-col gap-1.5">
        <Label htmlFor={id}>{label}</Label>
        <div className="flex gap-2">
          <Input
            ref={inputRef}
            id={id}
            readOnly
            value={value}
            spellCheck={false}
            autoComplete="off"
            className={cn('font-mono', className)}
            aria-describedby={`${id}-help`}
            onFocus={(e) => e.currentTarget.select()}
          />
          <Button variant="secondary" aria-label={copyLabel} onClick={() => void copy()}>
            {copied ? <CheckIcon aria-hidden /> : <CopyIcon aria-hidden />}
            {copied ? 'Copied' : 'Copy'}
          </Button>
        </div>
      </div>
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
