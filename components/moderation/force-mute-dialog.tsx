'use client';

import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { useForceMute } from '@/lib/queries/mutations/use-moderation-commands';

/**
 * Confirms OpenTalk's force mute of one participant (docs/moderation.md, "Force mute"): their
 * microphones only, and their app is told who did it.
 */
export function ForceMuteDialog({
  roomName,
  identity,
  onClose,
}: {
  roomName: string;
  identity: string;
  onClose: () => void;
}) {
  const forceMute = useForceMute();

  return (
    <ConfirmDialog
      open
      onOpenChange={(open) => (open ? undefined : onClose())}
      title={`Force mute ${identity}?`}
      confirmLabel="Force mute"
      pending={forceMute.isPending}
      onConfirm={() =>
        forceMute.mutate({ roomName, participants: [identity] }, { onSuccess: onClose })
      }
    >
      <p>
        Their microphones are muted (cameras and screen shares stay on) and their app is told who
        muted them.
      </p>
      <p>They can unmute themselves again unless microphones are restricted.</p>
    </ConfirmDialog>
  );
}
