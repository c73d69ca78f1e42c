'use client';

import { useRemoveParticipant } from '@/lib/queries/mutations/use-remove-participant';

import { ConfirmDialog } from '@/components/ui/confirm-dialog';

/** Confirms removing a participant, and says plainly that their token stays valid. */
export function RemoveParticipantDialog({
  roomName,
  identity,
  open,
  onOpenChange,
}: {
  roomName: string;
  identity: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const remove = useRemoveParticipant();

  return (
    <ConfirmDialog
      open={open}
      onOpenChange={onOpenChange}
      title={`Remove ${identity} from ${roomName}?`}
      confirmLabel={`Remove ${identity}`}
      pending={remove.isPending}
      onConfirm={() =>
        remove.mutate({ roomName, identity }, { onSuccess: () => onOpenChange(false) })
      }
    >
      <p>
        {identity} is disconnected from {roomName} at once.
      </p>
      <p>
        Their access token is <strong className="text-foreground">not revoked</strong>: they can
        rejoin until the token expires. To keep them out, stop issuing them new tokens (short token
        lifetimes help).
      </p>
    </ConfirmDialog>
  );
}
