'use client';

import {
  KeyRoundIcon,
  MonitorSmartphoneIcon,
  PencilIcon,
  UserCheckIcon,
  UserXIcon,
} from 'lucide-react';
import { useState } from 'react';

import { Button } from '@/components/ui/button';
import type { UserDto } from '@/lib/contracts/dto';

import { EditUserDialog } from './edit-user-dialog';
import { ResetPasswordDialog } from './reset-password-dialog';
import { SessionsDialog } from './sessions-dialog';
import { SetDisabledDialog } from './set-disabled-dialog';

type DialogName = 'edit' | 'password' | 'sessions' | 'disabled';

/**
 * Row buttons, named after their target ("Disable alice"). Controls the domain would refuse are
 * not offered (disabling yourself, an OIDC user's password); the domain still checks.
 */
export function UserActions({
  user,
  isSelf,
  actorTenant,
}: {
  user: UserDto;
  isSelf: boolean;
  actorTenant: string | null;
}) {
  const [dialog, setDialog] = useState<DialogName | null>(null);
  const close = () => setDialog(null);
  const { username } = user;
  const toggleLabel = `${user.disabled ? 'Enable' : 'Disable'} ${username}`;

  return (
    <div className="flex items-center justify-end gap-1">
      <Button
        variant="ghost"
        size="icon"
        aria-label={`Edit ${username}`}
        title={`Edit ${username}`}
        onClick={() => setDialog('edit')}
      >
        <PencilIcon aria-hidden />
      </Button>
      {user.provider === 'local' ? (
        <Button
          variant="ghost"
          size="icon"
          aria-label={`Reset password of ${username}`}
          title={`Reset password of ${username}`}
          onClick={() => setDialog('password')}
        >
          <KeyRoundIcon aria-hidden />
        </Button>
      ) : null}
      <Button
        variant="ghost"
        size="icon"
        aria-label={`Sessions of ${username}`}
        title={`Sessions of ${username}`}
        onClick={() => setDialog('sessions')}
      >
        <MonitorSmartphoneIcon aria-hidden />
      </Button>
      {isSelf ? null : (
        <Button
          variant="ghost"
          size="icon"
          aria-label={toggleLabel}
          title={toggleLabel}
          className={user.disabled ? undefined : 'text-destructive'}
          onClick={() => setDialog('disabled')}
        >
          {user.disabled ? <UserCheckIcon aria-hidden /> : <UserXIcon aria-hidden />}
        </Button>
      )}

      {dialog === 'edit' ? (
        <EditUserDialog user={user} isSelf={isSelf} actorTenant={actorTenant} onClose={close} />
      ) : null}
      {dialog === 'password' ? <ResetPasswordDialog user={user} onClose={close} /> : null}
      {dialog === 'sessions' ? (
        <SessionsDialog user={user} isSelf={isSelf} onClose={close} />
      ) : null}
      <SetDisabledDialog
        user={user}
        open={dialog === 'disabled'}
        onOpenChange={(open) => setDialog(open ? 'disabled' : null)}
      />
    </div>
  );
}
