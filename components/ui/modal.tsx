'use client';

import { XIcon } from 'lucide-react';
import { Dialog } from 'radix-ui';
import type { ComponentProps, ReactNode } from 'react';

import { cn } from '@/lib/utils';

import { UnavailableNotice } from './action-availability';
import { useReturnFocus } from './return-focus';

/**
 * A radix Dialog with a title, an optional description and a close button, centred in the part of
 * the page on screen (`--visible-*`, app/globals.css).
 */
export const Modal = Dialog.Root;
export const ModalTrigger = Dialog.Trigger;
export const ModalClose = Dialog.Close;

export function ModalContent({
  title,
  description,
  className,
  children,
  onCloseAutoFocus,
  ...props
}: Omit<ComponentProps<typeof Dialog.Content>, 'title'> & {
  title: ReactNode;
  description?: ReactNode;
}) {
  const returnFocus = useReturnFocus();

  return (
    <Dialog.Portal>
      <Dialog.Overlay className="fixed inset-0 z-40 bg-black/40" />
      <Dialog.Content
        className={cn(
          'bg-card text-card-foreground fixed top-[calc(var(--visible-top)+var(--visible-height)/2)] left-1/2 z-50 flex max-h-[calc(var(--visible-height)-2rem)] w-[calc(100vw-2rem)] max-w-lg -translate-x-1/2 -translate-y-1/2 flex-col rounded-lg border shadow-xl focus:outline-none',
          className,
        )}
        {...(description ? {} : { 'aria-describedby': undefined })}
        onCloseAutoFocus={(event) => {
          onCloseAutoFocus?.(event);
          returnFocus(event);
        }}
        {...props}
      >
        <div className="border-b px-5 py-4 pr-12">
          <Dialog.Title className="text-base font-semibold">{title}</Dialog.Title>
          {description ? (
            <Dialog.Description className="text-muted-foreground mt-1 text-sm">
              {description}
            </Dialog.Description>
          ) : null}
        </div>
        <div className="min-h-0 flex-1 overflow-y-auto px-5 py-4">
          <UnavailableNotice className="mb-4" />
          {children}
        </div>
        <Dialog.Close
          className="text-muted-foreground hover:bg-muted hover:text-foreground absolute top-3 right-3 rounded-md p-1.5"
          aria-label="Close"
        >
          <XIcon className="size-4" aria-hidden />
        </Dialog.Close>
      </Dialog.Content>
    </Dialog.Portal>
  );
}

/** The button row at the bottom of a modal form. */
export function ModalFooter({ className, ...props }: ComponentProps<'div'>) {
  return (
    <div
      className={cn('mt-5 flex flex-wrap items-center justify-end gap-2', className)}
      {...props}
    />
  );
}
