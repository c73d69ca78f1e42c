'use client';

import { useState } from 'react';

import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import type { PermissionPresetDto } from '@/lib/contracts/permission-presets';
import { useDeletePermissionPreset } from '@/lib/queries/mutations/use-permission-presets';

/** Deleting removes the template only: participants keep what it gave them. */
export function DeletePresetButton({ preset }: { preset: PermissionPresetDto }) {
  const [open, setOpen] = useState(false);
  const remove = useDeletePermissionPreset();
  const { key, label } = preset;

  return (
    <>
      <Button
        variant="secondary"
        size="sm"
        aria-label={`Delete preset ${label}`}
        onClick={() => setOpen(true)}
      >
        Delete
      </Button>
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title={`Delete preset ${label}?`}
        confirmLabel={`Delete ${label}`}
        pending={remove.isPending}
        onConfirm={() =>
          remove.mutate({ input: { key }, label }, { onSuccess: () => setOpen(false) })
        }
      >
        <p>
          Moderators can no longer apply it, and its badge goes from the participants table.
          Participants keep the permissions it gave them.
        </p>
      </ConfirmDialog>
    </>
  );
}
