'use client';

import { Loader2Icon } from 'lucide-react';

import { useUnavailableReason } from '@/components/ui/action-availability';
import { Button } from '@/components/ui/button';
import { useRequestUnmute } from '@/lib/queries/mutations/use-request-unmute';
import { UNMUTE_REQUEST_TOPIC } from '@/lib/schemas/protocol';

import { Modal, ModalClose, ModalContent, ModalFooter } from '@/components/ui/modal';

/**
 * Shown when LiveKit refused a remote unmute (its default, for privacy): explains it and offers to
 * ask the participant instead, with a data message only they receive.
 */
export function UnmuteRefusedDialog({
  roomName,
  identity,
  trackSid,
  target,
  onClose,
}: {
  roomName: string;
  identity: string;
  trackSid: string;
  /** "microphone" */
  target: string;
  onClose: () => void;
}) {
  const ask = useRequestUnmute();
  const unavailable = useUnavailableReason() !== null;

  return (
    <Modal open onOpenChange={(open) => (open ? undefined : onClose())}>
      <ModalContent title="Remote unmute is turned off" role="alertdialog">
        <div className="flex flex-col gap-2 text-sm">
          <p>
            This LiveKit server does not let moderators unmute people: remote unmute is disabled
            (LiveKit&apos;s default, for privacy). The {target} of {identity} stays muted.
          </p>
          <p className="text-muted-foreground">
            You can ask {identity} to unmute. Their app receives a request on the{' '}
            <code className="font-mono text-xs">{UNMUTE_REQUEST_TOPIC}</code> topic, and they
            decide.
          </p>
        </div>
        <ModalFooter>
          <ModalClose asChild>
            <Button variant="secondary">Cancel</Button>
          </ModalClose>
          <Button
            disabled={ask.isPending || unavailable}
            aria-busy={ask.isPending}
            onClick={() =>
              ask.mutate(
                { input: { roomName, identity, trackSid }, target },
                { onSuccess: onClose },
              )
            }
          >
            {ask.isPending ? <Loader2Icon aria-hidden className="animate-spin" /> : null}
            Ask {identity} to unmute
          </Button>
        </ModalFooter>
      </ModalContent>
    </Modal>
  );
}
