'use client';

import { Loader2Icon } from 'lucide-react';
import type { ComponentProps } from 'react';

import { useUnavailableReason } from '@/components/ui/action-availability';
import { Button } from '@/components/ui/button';

/** A form's submit button with the pending state of its mutation. */
export function SubmitButton({
  pending,
  children,
  disabled,
  ...props
}: ComponentProps<typeof Button> & { pending: boolean }) {
  // Inside a dialog whose room ended or participant left (action-availability.tsx).
  const unavailable = useUnavailableReason() !== null;

  return (
    <Button
      type="submit"
      disabled={pending || disabled || unavailable}
      aria-busy={pending}
      {...props}
    >
      {pending ? <Loader2Icon aria-hidden className="animate-spin" /> : null}
      {children}
    </Button>
  );
}
