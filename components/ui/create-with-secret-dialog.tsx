'use client';

import { PlusIcon } from 'lucide-react';
import { useState, type ReactNode } from 'react';

import { Button } from '@/components/ui/button';
import { Modal, ModalClose, ModalContent, ModalFooter, ModalTrigger } from '@/components/ui/modal';

/** What the dialog shows once the creation answered. */
export interface RevealedSecret {
  title: string;
  description?: ReactNode;
  /** The secret (components/ui/one-time-secret.tsx) and whatever else is needed with it. */
  content: ReactNode;
}

/**
 * A "Create …" dialog whose answer carries a secret shown once (an API key, a portal's signing
 * secret): the form, then the secret. The answer is forgotten as soon as the dialog closes, so the
 * secret never reappears on reopening.
 */
export function CreateWithSecretDialog<T>({
  label,
  description,
  form,
  reveal,
}: {
  /** The trigger's text and the form's title, e.g. "Create API key". */
  label: string;
  /** Under the form's title: what the thing is for. */
  description: ReactNode;
  /** The form; it calls `onCreated` with the operation's answer. */
  form: (onCreated: (created: T) => void) => ReactNode;
  reveal: (created: T) => RevealedSecret;
}) {
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<T | null>(null);

  const handleOpenChange = (next: boolean) => {
    setOpen(next);
    if (!next) setCreated(null);
  };
  const revealed = created === null ? null : reveal(created);

  return (
    <Modal open={open} onOpenChange={handleOpenChange}>
      <ModalTrigger asChild>
        <Button>
          <PlusIcon aria-hidden />
          {label}
        </Button>
      </ModalTrigger>
      {revealed ? (
        <ModalContent title={revealed.title} description={revealed.description}>
          {revealed.content}
          <ModalFooter>
            <ModalClose asChild>
              <Button>Done</Button>
            </ModalClose>
          </ModalFooter>
        </ModalContent>
      ) : (
        <ModalContent title={label} description={description}>
          {form(setCreated)}
        </ModalContent>
      )}
    </Modal>
  );
}
