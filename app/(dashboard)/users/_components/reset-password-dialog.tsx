'use client';

import { useState } from 'react';

import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Modal, ModalClose, ModalContent, ModalFooter } from '@/components/ui/modal';
import type { UserDto } from '@/lib/contracts/dto';
import { useResetPassword } from '@/lib/queries/mutations/use-reset-password';

import { OneTimePassword } from './one-time-password';

/** Confirm, then show the generated password once. The old password stops working at once. */
export function ResetPasswordDialog({ user, onClose }: { user: UserDto; onClose: () => void }) {
  const reset = useResetPassword();
  const [password, setPassword] = useState<string | null>(null);
  const { username } = user;

  if (password) {
    return (
      <Modal open onOpenChange={(open) => (open ? undefined : onClose())}>
        <ModalContent title={`New password for ${username}`}>
          <OneTimePassword username={username} password={password} />
          <ModalFooter>
            <ModalClose asChild>
              <Button>Done</Button>
            </ModalClose>
          </ModalFooter>
        </ModalContent>
      </Modal>
    );
  }

  return (
    <ConfirmDialog
      open
      onOpenChange={(open) => (open ? undefined : onClose())}
      title={`Reset the password of ${username}?`}
      confirmLabel={`Reset password of ${username}`}
      pending={reset.isPending}
      onConfirm={() =>
        reset.mutate(
          { input: { userId: user.id }, username },
          { onSuccess: (data) => (data.password ? setPassword(data.password) : onClose()) },
        )
      }
    >
      <p>
        A new password is generated and shown once. {username}&apos;s current password stops working
        immediately, and every open session of {username} ends: they sign in again with the new one.
      </p>
    </ConfirmDialog>
  );
}
