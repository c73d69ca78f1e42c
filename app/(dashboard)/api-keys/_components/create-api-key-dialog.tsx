'use client';

import { PlusIcon } from 'lucide-react';
import { useState } from 'react';

import { Button } from '@/components/ui/button';
import { Modal, ModalClose, ModalContent, ModalFooter, ModalTrigger } from '@/components/ui/modal';
import type { CreatedApiKeyDto } from '@/lib/contracts/api-keys';

import { CreateApiKeyForm } from './create-api-key-form';
import { OneTimeKey } from './one-time-key';

/** "Create API key": the form, then the key itself, shown once. */
export function CreateApiKeyDialog({ actorTenant }: { actorTenant: string | null }) {
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<CreatedApiKeyDto | null>(null);

  const handleOpenChange = (next: boolean) => {
    setOpen(next);
    // Forget the key as soon as the dialog closes: it must not reappear on reopening.
    if (!next) setCreated(null);
  };

  return (
    <Modal open={open} onOpenChange={handleOpenChange}>
      <ModalTrigger asChild>
        <Button>
          <PlusIcon aria-hidden />
          Create API key
        </Button>
      </ModalTrigger>
      {created ? (
        <ModalContent
          title={`Created ${created.apiKey.name}`}
          description={`A ${created.apiKey.role} key for ${created.apiKey.tenant ? `tenant ${created.apiKey.tenant}` : 'every tenant'}.`}
        >
          <OneTimeKey name={created.apiKey.name} apiKey={created.key} />
          <ModalFooter>
            <ModalClose asChild>
              <Button>Done</Button>
            </ModalClose>
          </ModalFooter>
        </ModalContent>
      ) : (
        <ModalContent
          title="Create API key"
          description="For a portal's backend or a script calling the REST API."
        >
          <CreateApiKeyForm actorTenant={actorTenant} onCreated={setCreated} />
        </ModalContent>
      )}
    </Modal>
  );
}
