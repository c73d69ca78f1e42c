'use client';

import { XIcon } from 'lucide-react';
import { Dialog } from 'radix-ui';
import type { ComponentProps } from 'react';

import { cn } from '@/lib/utils';

/** A radix Dialog presented as a panel sliding in from the right, as tall as the part on screen. */
export const Sheet = Dialog.Root;
export const SheetTitle = Dialog.Title;
export const SheetDescription = Dialog.Description;

export function SheetContent({
  className,
  children,
  closeLabel = 'Close',
  ...props
}: ComponentProps<typeof Dialog.Content> & { closeLabel?: string }) {
  return (
    <Dialog.Portal>
      <Dialog.Overlay className="data-[state=open]:animate-in fixed inset-0 z-40 bg-black/40" />
      <Dialog.Content
        className={cn(
          'bg-card text-card-foreground fixed top-(--visible-top) right-0 z-50 flex h-(--visible-height) w-full max-w-xl flex-col border-l shadow-xl focus:outline-none',
          className,
        )}
        {...props}
      >
        {children}
        <Dialog.Close
          className="text-muted-foreground hover:bg-muted hover:text-foreground absolute top-3 right-3 rounded-md p-1.5"
          aria-label={closeLabel}
        >
          <XIcon className="size-4" aria-hidden />
        </Dialog.Close>
      </Dialog.Content>
    </Dialog.Portal>
  );
}
