'use client';

import { useState } from 'react';

import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import type { BanDto } from '@/lib/contracts/bans';
import { useLiftBan } from '@/lib/queries/mutations/use-lift-ban';

/** "Unban", with a confirmation naming the identity and where they may join again. */
export function LiftBanButton({ ban }: { ban: BanDto }) {
  const lift = useLiftBan();
  const [open, setOpen] = useState(false);
  const { identity } = ban;
  const where = ban.roomName ?? 'every room the ban covered';

  return (
    <>
      <Button
        variant="secondary"
        size="sm"
        aria-label={`Unban ${identity}`}
        onClick={() => setOpen(true)}
      >
        Unban
      </Button>
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
    </>
  );
}
