'use client';

import { CheckIcon, CopyIcon } from 'lucide-react';
import { useRef, useState } from 'react';
import { toast } from 'sonner';

import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { cn } from '@/lib/utils';

/**
 * A value to copy elsewhere (a secret, an id to configure): read-only text with a copy button, that
 * the admin can also select by hand when the clipboard is unavailable.
 */
export function CopyField({
  id,
  label,
  copyLabel,
  value,
  noun,
  className,
  'aria-describedby': ariaDescribedBy,
}: {
  id: string;
  /** Names the value and whose it is, e.g. "API key acme-portal": the field's label. */
  label: string;
  /** The copy button's name, e.g. "Copy API key acme-portal". */
  copyLabel: string;
  value: string;
  /** "password", "key", "ID": for the fallback message. */
  noun: string;
  className?: string;
  'aria-describedby'?: string;
}) {
  const [copied, setCopied] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

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
          aria-describedby={ariaDescribedBy}
          onFocus={(e) => e.currentTarget.select()}
        />
        <Button variant="secondary" aria-label={copyLabel} onClick={() => void copy()}>
          {copied ? <CheckIcon aria-hidden /> : <CopyIcon aria-hidden />}
          {copied ? 'Copied' : 'Copy'}
        </Button>
      </div>
    </div>
  );
}
