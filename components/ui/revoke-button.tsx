'use client';

import { useRef, useState, type ReactNode } from 'react';

import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { ReturnFocusTo } from '@/components/ui/return-focus';

/**
 * "Revoke" for a credential (an API key, an embedding portal). Revoking is for good, so it asks
 * first: the confirmation names the credential and says what stops working.
 */
export function RevokeButton({
  what,
  name,
  pending,
  onRevoke,
  children,
}: {
  /** "API key", "portal": with the name, the button's accessible name. */
  what: string;
  name: string;
  pending: boolean;
  /** Runs the revocation; calls `done` when it succeeded, which closes the confirmation. */
  onRevoke: (done: () => void) => void;
  /** What stops working, and that it cannot be undone. */
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  // A dialog opened without a radix Trigger has nothing to give focus back to on its own.
  const buttonRef = useRef<HTMLButtonElement>(null);

  return (
    <>
      <Button
        ref={buttonRef}
        variant="secondary"
        size="sm"
        aria-label={`Revoke ${what} ${name}`}
        onClick={() => setOpen(true)}
      >
        Revoke
      </Button>
      <ReturnFocusTo target={buttonRef}>
        <ConfirmDialog
          open={open}
          onOpenChange={setOpen}
          title={`Revoke ${name}?`}
          confirmLabel={`Revoke ${name}`}
          pending={pending}
          onConfirm={() => onRevoke(() => setOpen(false))}
        >
          {children}
        </ConfirmDialog>
      </ReturnFocusTo>
    </>
  );
}
