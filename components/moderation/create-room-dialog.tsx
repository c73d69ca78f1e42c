'use client';

import { PlusIcon } from 'lucide-react';
import dynamic from 'next/dynamic';
import { useState } from 'react';

import { Button } from '@/components/ui/button';

import { Modal, ModalContent, ModalTrigger } from '@/components/ui/modal';

// The form (react-hook-form, zod, the metadata editor) loads when the dialog first opens.
const CreateRoomForm = dynamic(() => import('./create-room-form').then((m) => m.CreateRoomForm), {
  loading: () => <p className="text-muted-foreground text-sm">Loading form…</p>,
});

/** "Create room" on the rooms page (admin). */
export function CreateRoomDialog() {
  const [open, setOpen] = useState(false);

  return (
    <Modal open={open} onOpenChange={setOpen}>
      <ModalTrigger asChild>
        <Button>
          <PlusIcon aria-hidden />
          Create room
        </Button>
      </ModalTrigger>
      <ModalContent
        title="Create room"
        description="A room is also created automatically when the first participant joins; create one here to set its options up front."
        className="max-w-2xl"
      >
        <CreateRoomForm onCreated={() => setOpen(false)} />
      </ModalContent>
    </Modal>
  );
}
