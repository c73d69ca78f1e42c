'use client';

import { useRef, useState } from 'react';

import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { ReturnFocusTo } from '@/components/ui/return-focus';
import type { BanDto } from '@/lib/contracts/bans';
import { useLiftBan } from '@/lib/queries/mutations/use-lift-ban';

/** "Unban", with a confirmation naming the identity and where they may join again. */
export function LiftBanButton({ ban }: { ban: BanDto }) {
  const lift = useLiftBan();
  const [open, setOpen] = useState(false);
  // A dialog opened without a radix Trigger has nothing to give focus back to on its own.
  const buttonRef = useRef<HTMLButtonElement>(null);
  const { identity } = ban;
  const where = ban.roomName ?? 'every room the ban covered';

  return (
    <>
      <Button
        ref={buttonRef}
        variant="secondary"
        size="sm"
        aria-label={`Unban ${identity}`}
        onClick={() => setOpen(true)}
      >
        Unban
      </Button>
      <ReturnFocusTo target={buttonRef}>
        <ConfirmDialog
          open={open}
          onOpenChange={setOpen}
          title={`Unban ${identity}?`}
          confirmLabel={`Unban ${identity}`}
          pending={lift.isPending}
          onConfirm={() =>
            lift.mutate({ input: { banId: ban.id }, identity }, { onSuccess: () => setOpen(false) })
          }
        >
          <p>
            {identity} may join {where} again from now on
            {ban.namePattern ? `, and so may names like ${ban.namePattern}` : ''}.
          </p>
          <p>The ban stays listed as lifted.</p>
        </ConfirmDialog>
      </ReturnFocusTo>
    </>
  );
}
