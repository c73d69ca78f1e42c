'use client';

import { Loader2Icon } from 'lucide-react';
import { AlertDialog } from 'radix-ui';
import type { ReactNode } from 'react';

import { UnavailableNotice, useUnavailableReason } from '@/components/ui/action-availability';
import { buttonClassName } from '@/components/ui/button';
import { useReturnFocus } from '@/components/ui/return-focus';

/**
 * Confirmation for destructive actions. Stays open while the action runs (the confirm button shows
 * the pending state) and is closed by the caller on success.
 */
export function ConfirmDialog({
  open,
  onOpenChange,
  title,
  children,
  confirmLabel,
  pending,
  onConfirm,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  pending: boolean;
  onConfirm: () => void;
}) {
  const returnFocus = useReturnFocus();
  // The room ended or the participant left while this was open (action-availability.tsx).
  const unavailable = useUnavailableReason();

  return (
    <AlertDialog.Root
      open={open}
      onOpenChange={(next) => (pending ? undefined : onOpenChange(next))}
    >
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-40 bg-black/40" />
        <AlertDialog.Content
          onCloseAutoFocus={returnFocus}
          className="bg-card text-card-foreground fixed top-[calc(var(--visible-top)+var(--visible-height)/2)] left-1/2 z-50 max-h-[calc(var(--visible-height)-2rem)] w-[calc(100vw-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-lg border p-5 shadow-xl focus:outline-none"
        >
          <AlertDialog.Title className="text-base font-semibold">{title}</AlertDialog.Title>
          <AlertDialog.Description asChild>
            <div className="text-muted-foreground mt-2 flex flex-col gap-2 text-sm">{children}</div>
          </AlertDialog.Description>
          {/* While its own action runs, the target going away is the expected outcome. */}
          {pending ? null : <UnavailableNotice className="mt-3" />}
          <div className="mt-5 flex justify-end gap-2">
            <AlertDialog.Cancel
              className={buttonClassName({ variant: 'secondary' })}
              disabled={pending}
            >
              Cancel
            </AlertDialog.Cancel>
            <button
              type="button"
              className={buttonClassName({ variant: 'destructive' })}
              disabled={pending || unavailable !== null}
              aria-busy={pending}
              onClick={onConfirm}
            >
              {pending ? <Loader2Icon aria-hidden className="animate-spin" /> : null}
              {confirmLabel}
            </button>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
