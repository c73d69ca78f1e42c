'use client';

import { CheckIcon, CopyIcon, TriangleAlertIcon } from 'lucide-react';
import { useRef, useState } from 'react';
import { toast } from 'sonner';

import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';

/**
 * A generated password, shown once: the server keeps only its hash, so closing the dialog loses
 * it. Read-only text the admin can also select by hand when the clipboard is unavailable.
 */
export function OneTimePassword({ username, password }: { username: string; password: string }) {
  const [copied, setCopied] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const id = 'one-time-password';

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(password);
      setCopied(true);
      toast.success(`Copied the password of ${username}.`);
    } catch {
      inputRef.current?.select();
      toast.error('Could not copy', { description: 'The password is selected: copy it by hand.' });
    }
  };

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-col gap-1.5">
        <Label htmlFor={id}>Password of {username}</Label>
        <div className="flex gap-2">
          <Input
            ref={inputRef}
            id={id}
            readOnly
            value={password}
            spellCheck={false}
            autoComplete="off"
            className="font-mono"
            aria-describedby={`${id}-help`}
            onFocus={(e) => e.currentTarget.select()}
          />
          <Button
            variant="secondary"
            aria-label={`Copy the password of ${username}`}
            onClick={() => void copy()}
          >
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
        It is shown only this once. Give it to {username} over a safe channel now.
      </p>
    </div>
  );
}
