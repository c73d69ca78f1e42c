'use client';

import { PlusIcon } from 'lucide-react';
import { useState } from 'react';

import { Button } from '@/components/ui/button';
import { Modal, ModalClose, ModalContent, ModalFooter, ModalTrigger } from '@/components/ui/modal';
import type { UserPasswordDto } from '@/lib/contracts/dto';

import { CreateUserForm } from './create-user-form';
import { OneTimePassword } from './one-time-password';

/** "Create user": the form, then (for a generated password) the password, shown once. */
export function CreateUserDialog({ actorTenant }: { actorTenant: string | null }) {
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<UserPasswordDto | null>(null);

  const handleOpenChange = (next: boolean) => {
    setOpen(next);
    // Forget the password as soon as the dialog closes: it must not reappear on reopening.
    if (!next) setCreated(null);
  };

  return (
    <Modal open={open} onOpenChange={handleOpenChange}>
      <ModalTrigger asChild>
        <Button>
          <PlusIcon aria-hidden />
          Create user
        </Button>
      </ModalTrigger>
      {created?.password ? (
        <ModalContent
          title={`Created ${created.user.username}`}
          description={`A ${created.user.role} who signs in with this password.`}
        >
          <OneTimePassword username={created.user.username} password={created.password} />
          <ModalFooter>
            <ModalClose asChild>
              <Button>Done</Button>
            </ModalClose>
          </ModalFooter>
        </ModalContent>
      ) : (
        <ModalContent
          title="Create user"
          description="A local account that signs in with a username and password."
        >
          <CreateUserForm
            actorTenant={actorTenant}
            onCreated={(result) => (result.password ? setCreated(result) : handleOpenChange(false))}
          />
        </ModalContent>
      )}
    </Modal>
  );
}
