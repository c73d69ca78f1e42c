'use client';

import { PencilIcon } from 'lucide-react';
import { useState, type FormEvent } from 'react';

import { Button } from '@/components/ui/button';
import { useUpdateRoomMetadata } from '@/lib/queries/mutations/use-update-room-metadata';
import { useRoom } from '@/lib/queries/rooms';

import { MetadataEditor } from './metadata-editor';
import { metadataProblem } from './metadata-text';
import { Modal, ModalClose, ModalContent, ModalFooter, ModalTrigger } from '@/components/ui/modal';
import { SubmitButton } from '@/components/ui/submit-button';

function MetadataForm({
  roomName,
  initial,
  onDone,
}: {
  roomName: string;
  initial: string;
  onDone: () => void;
}) {
  const [metadata, setMetadata] = useState(initial);
  const [error, setError] = useState<string | undefined>();
  const update = useUpdateRoomMetadata();

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    const problem = metadataProblem(metadata);
    setError(problem ?? undefined);
    if (problem) return;
    update.mutate(
      { roomName, metadata },
      {
        onSuccess: onDone,
        onError: (err) => setError(err.fieldErrors?.metadata?.[0]),
      },
    );
  };

  return (
    <form onSubmit={handleSubmit} noValidate className="flex flex-col gap-4">
      <MetadataEditor
        id="room-metadata"
        label="Room metadata"
        value={metadata}
        onChange={(value) => {
          setMetadata(value);
          if (error) setError(undefined);
        }}
        error={error}
        help="JSON or plain text. LiveKit sends it to everyone in the room. Saving empty text clears it."
      />
      <ModalFooter>
        <ModalClose asChild>
          <Button variant="secondary">Cancel</Button>
        </ModalClose>
        <SubmitButton pending={update.isPending} disabled={metadata === initial}>
          Save metadata
        </SubmitButton>
      </ModalFooter>
    </form>
  );
}

/** Edits the room's metadata; the form starts from the current text each time it opens. */
export function EditRoomMetadataDialog({ roomName }: { roomName: string }) {
  const [open, setOpen] = useState(false);
  const { data: room } = useRoom(roomName);

  return (
    <Modal open={open} onOpenChange={setOpen}>
      <ModalTrigger asChild>
        <Button variant="secondary" aria-label={`Edit metadata of ${roomName}`} disabled={!room}>
          <PencilIcon aria-hidden />
          Edit metadata
        </Button>
      </ModalTrigger>
      <ModalContent title={`Metadata of ${roomName}`} className="max-w-2xl">
        {room ? (
          <MetadataForm roomName={roomName} initial={room.metadata} onDone={() => setOpen(false)} />
        ) : null}
      </ModalContent>
    </Modal>
  );
}
