'use client';

import { CheckIcon, CopyIcon } from 'lucide-react';
import { useState } from 'react';
import { toast } from 'sonner';

import { Button } from '@/components/ui/button';

/** A decoded part of the token as pretty JSON, with a copy button. */
export function DecodedJson({ label, value }: { label: string; value: unknown }) {
  const text = JSON.stringify(value, null, 2);
  const [copied, setCopied] = useState(false);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
      toast.success(`Copied: ${label}.`);
    } catch {
      toast.error('Could not copy', { description: `Select the ${label.toLowerCase()} by hand.` });
    }
  };

  return (
    <div className="flex min-w-0 flex-col gap-1.5">
      <div className="flex items-center justify-between gap-2">
        <h4 className="text-sm font-medium">{label}</h4>
        <Button
          variant="ghost"
          size="sm"
          aria-label={`Copy ${label.toLowerCase()}`}
          onClick={() => void copy()}
        >
          {copied ? <CheckIcon aria-hidden /> : <CopyIcon aria-hidden />}
          {copied ? 'Copied' : 'Copy'}
        </Button>
      </div>
      <pre
        aria-label={label}
        tabIndex={0}
        className="bg-muted max-h-96 overflow-auto rounded-md px-3 py-2 font-mono text-xs"
      >
        {text}
      </pre>
    </div>
  );
}
