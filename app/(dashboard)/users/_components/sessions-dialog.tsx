'use client';

import { LogOutIcon } from 'lucide-react';
import { useState } from 'react';

import { signOutHere } from '@/components/layout/sign-out';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { EmptyState } from '@/components/ui/empty-state';
import { Modal, ModalClose, ModalContent, ModalFooter } from '@/components/ui/modal';
import { RetryErrorState } from '@/components/ui/retry-error-state';
import { TableSkeleton } from '@/components/ui/table-skeleton';
import type { UserDto } from '@/lib/contracts/dto';
import { useRevokeUserSessions } from '@/lib/queries/mutations/use-revoke-user-sessions';
import { useUserSessions } from '@/lib/queries/user-sessions';

import { SessionsTable } from './sessions-table';

/**
 * A user's open sessions (device, address, signed in, last seen) and "sign out everywhere", which
 * asks for confirmation first. On yourself it ends this browser's session too, so success then
 * leaves through next-auth's sign-out instead of waiting for the next request to be refused.
 */
export function SessionsDialog({
  user,
  isSelf,
  onClose,
}: {
  user: UserDto;
  isSelf: boolean;
  onClose: () => void;
}) {
  const sessions = useUserSessions(user.id);
  const revoke = useRevokeUserSessions();
  const [confirming, setConfirming] = useState(false);
  const { username } = user;
  const label = `Sign ${username} out everywhere`;

  if (confirming) {
    return (
      <ConfirmDialog
        open
        onOpenChange={(open) => (open ? undefined : setConfirming(false))}
        title={`${label}?`}
        confirmLabel={label}
        pending={revoke.isPending}
        onConfirm={() =>
          revoke.mutate(
            { input: { userId: user.id }, username },
            {
              onSuccess: () => (isSelf ? void signOutHere() : setConfirming(false)),
            },
          )
        }
      >
        <p>
          Every browser signed in as {username} is signed out at once: its next request goes to the
          sign-in page. The account itself is unchanged, so {username} can sign in again.
        </p>
        {isSelf ? (
          <p className="text-foreground font-medium">
            This is your own account: this browser is signed out too, and you will need to sign in
            again.
          </p>
        ) : null}
      </ConfirmDialog>
    );
  }

  const list = sessions.data;
  return (
    <Modal open onOpenChange={(open) => (open ? undefined : onClose())}>
      <ModalContent
        title={`Sessions of ${username}`}
        description="Browsers signed in to this account that can still be used. Last seen is updated about once a minute."
        className="max-w-2xl"
      >
        {list === undefined && sessions.error ? (
          <RetryErrorState
            error={sessions.error}
            onRetry={() => void sessions.refetch()}
            isRetrying={sessions.isFetching}
          />
        ) : list === undefined ? (
          <TableSkeleton rows={2} label={`Loading sessions of ${username}`} />
        ) : list.length === 0 ? (
          <EmptyState title="No active sessions" className="rounded-lg border">
            {username} is not signed in anywhere.
          </EmptyState>
        ) : (
          <SessionsTable username={username} sessions={list} />
        )}
        <ModalFooter>
          <ModalClose asChild>
            <Button variant="secondary">Close</Button>
          </ModalClose>
          <Button
            variant="destructive"
            // Offered even when the list failed to load: ending sessions must not depend on it.
            disabled={list?.length === 0}
            onClick={() => setConfirming(true)}
          >
            <LogOutIcon aria-hidden />
            {label}
          </Button>
        </ModalFooter>
      </ModalContent>
    </Modal>
  );
}
