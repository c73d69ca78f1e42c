'use client';

import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { useScreenSharePermission } from '@/lib/queries/mutations/use-moderation-commands';

/** Confirms taking screen sharing away from one participant: a running share stops at once. */
export function RevokeScreenShareDialog({
  roomName,
  identity,
  onClose,
}: {
  roomName: string;
  identity: string;
  onClose: () => void;
}) {
  const screenShare = useScreenSharePermission();

  return (
    <ConfirmDialog
      open
      onOpenChange={(open) => (open ? undefined : onClose())}
      title={`Revoke screen sharing of ${identity}?`}
      confirmLabel="Revoke screen share"
      pending={screenShare.isPending}
      onConfirm={() =>
        screenShare.mutate(
          { grant: false, input: { roomName, participants: [identity] } },
          { onSuccess: onClose },
        )
      }
    >
      <p>A running screen share stops at once. They stay in the room; nothing else changes.</p>
    </ConfirmDialog>
  );
}
