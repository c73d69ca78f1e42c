'use client';

import { Trash2Icon } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';

import { Button } from '@/components/ui/button';
import { useDeleteRoom } from '@/lib/queries/mutations/use-delete-room';
import { useRoom } from '@/lib/queries/rooms';

import { ConfirmDialog } from '@/components/ui/confirm-dialog';

const people = (n: number) => `${n} ${n === 1 ? 'person' : 'people'}`;

/** "Delete room" (admin): confirms with the room's name and how many people it disconnects. */
export function DeleteRoomButton({ roomName }: { roomName: string }) {
  const [open, setOpen] = useState(false);

  return (
    <>
      <Button
        variant="destructive"
        aria-label={`Delete room ${roomName}`}
        onClick={() => setOpen(true)}
      >
        <Trash2Icon aria-hidden />
        Delete room
      </Button>
      <DeleteRoomDialog roomName={roomName} open={open} onOpenChange={setOpen} />
    </>
  );
}

/**
 * The confirmation of ending a room for everyone: from the header's "Delete room" and from the
 * bulk menu's "End the room for everyone". Back to the rooms list once it is gone.
 */
export function DeleteRoomDialog({
  roomName,
  open,
  onOpenChange,
}: {
  roomName: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const router = useRouter();
  const { data: room } = useRoom(roomName);
  const deleteRoom = useDeleteRoom();
  const count = room?.numParticipants ?? 0;

  return (
    <ConfirmDialog
      open={open}
      onOpenChange={onOpenChange}
      title={`Delete room ${roomName}?`}
      confirmLabel={`Delete ${roomName}`}
      pending={deleteRoom.isPending}
      onConfirm={() =>
        deleteRoom.mutate(
          { roomName },
          {
            onSuccess: () => {
              onOpenChange(false);
              router.push('/rooms');
            },
          },
        )
      }
    >
      <p>
        {count > 0
          ? `This closes ${roomName} and disconnects the ${people(count)} in it right now.`
          : `This closes ${roomName}. Nobody is connected to it right now.`}
      </p>
      <p>
        LiveKit ends the room for everyone. Anyone who still holds a valid token can start a new
        room with the same name by joining again.
      </p>
    </ConfirmDialog>
  );
}
