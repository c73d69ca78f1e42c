'use client';

import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import type { UserDto } from '@/lib/contracts/dto';
import { useSetUserDisabled } from '@/lib/queries/mutations/use-set-user-disabled';

/** Confirms disabling (or re-enabling) an account, naming it and saying what happens to sessions. */
export function SetDisabledDialog({
  user,
  open,
  onOpenChange,
}: {
  user: UserDto;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const setDisabled = useSetUserDisabled();
  const { username } = user;
  const disabled = !user.disabled;

  return (
    <ConfirmDialog
      open={open}
      onOpenChange={onOpenChange}
      title={disabled ? `Disable ${username}?` : `Enable ${username}?`}
      confirmLabel={disabled ? `Disable ${username}` : `Enable ${username}`}
      pending={setDisabled.isPending}
      onConfirm={() =>
        setDisabled.mutate(
          { input: { userId: user.id, disabled }, username },
          { onSuccess: () => onOpenChange(false) },
        )
      }
    >
      {disabled ? (
        <>
          <p>{username} can no longer sign in, and every open session of theirs ends at once.</p>
          <p>The account and its audit history are kept; you can enable it again later.</p>
        </>
      ) : (
        <p>
          {username} can sign in again with their current{' '}
          {user.provider === 'oidc' ? 'identity provider account' : 'password'}.
        </p>
      )}
    </ConfirmDialog>
  );
}
