'use client';

import { PlusIcon } from 'lucide-react';
import { useState } from 'react';

import { Button } from '@/components/ui/button';
import { Modal, ModalContent, ModalTrigger } from '@/components/ui/modal';

import { CreatePresetForm } from './create-preset-form';

/** "New preset": a name, a key for the API, and the permission fields presets set. */
export function CreatePresetDialog() {
  const [open, setOpen] = useState(false);

  return (
    <Modal open={open} onOpenChange={setOpen}>
      <ModalTrigger asChild>
        <Button>
          <PlusIcon aria-hidden />
          New preset
        </Button>
      </ModalTrigger>
      <ModalContent
        title="New permission preset"
        description="Moderators apply it to one participant, a selection or a whole room."
      >
        {open ? <CreatePresetForm onCreated={() => setOpen(false)} /> : null}
      </ModalContent>
    </Modal>
  );
}
