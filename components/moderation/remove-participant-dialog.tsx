'use client';

import { TriangleAlertIcon } from 'lucide-react';

import type { ParticipantDto } from '@/lib/contracts/dto';
import { useRemoveParticipant } from '@/lib/queries/mutations/use-remove-participant';

import { ConfirmDialog } from '@/components/ui/confirm-dialog';

import { removalEffect } from './removal-effects';

/**
 * Confirms removing a participant: says what else stops when it is a recorder, an agent or a call,
 * and says plainly that their token stays valid.
 */
export function RemoveParticipantDialog({
  roomName,
  participant,
  open,
  onOpenChange,
}: {
  roomName: string;
  participant: Pick<ParticipantDto, 'identity' | 'kind' | 'permission'>;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const remove = useRemoveParticipant();
  const { identity } = participant;
  const effect = removalEffect(participant);

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
      {effect ? (
        <p className="text-foreground flex gap-2 font-medium">
          <TriangleAlertIcon aria-hidden className="text-destructive mt-0.5 size-4 shrink-0" />
          {effect}
        </p>
      ) : null}
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
