'use client';

import { LockIcon, LockOpenIcon, OctagonPauseIcon, PlayIcon } from 'lucide-react';
import { useRef, useState } from 'react';

import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { ReturnFocusTo } from '@/components/ui/return-focus';
import {
  useResumeActivity,
  useSuspendActivity,
  useUnlockRoom,
} from '@/lib/queries/mutations/use-room-lock';
import { useRoomLock } from '@/lib/queries/room-locks';

import { LockRoomDialog } from './lock-room-dialog';

/**
 * The room page's lock controls (`rooms.lock`): Lock room… (or the allow-list of a locked room),
 * Unlock room, and the emergency Suspend activity / Resume activity. Unlocking waits for a
 * suspension to be resumed (the server refuses it too).
 */
export function RoomLockActions({ roomName }: { roomName: string }) {
  const { data: lock } = useRoomLock(roomName);
  const [lockOpen, setLockOpen] = useState(false);
  const [suspendOpen, setSuspendOpen] = useState(false);
  const unlock = useUnlockRoom();
  const suspend = useSuspendActivity();
  const resume = useResumeActivity();
  // The dialogs open without a radix Trigger: nothing would give focus back on its own.
  const lockButton = useRef<HTMLButtonElement>(null);
  const suspendButton = useRef<HTMLButtonElement>(null);
  if (!lock) return null;
  // A resume cut short leaves takings behind: it can be repeated.
  const resumable = lock.suspended || lock.suspendedIdentities.length > 0;

  return (
    <>
      <Button
        ref={lockButton}
        variant="secondary"
        aria-label={lock.locked ? `Allow-list of ${roomName}` : `Lock room ${roomName}`}
        onClick={() => setLockOpen(true)}
      >
        <LockIcon aria-hidden />
        {lock.locked ? 'Allow-list…' : 'Lock room…'}
      </Button>
      {lock.locked && !lock.suspended ? (
        <Button
          variant="secondary"
          aria-label={`Unlock room ${roomName}`}
          disabled={unlock.isPending}
          aria-busy={unlock.isPending}
          onClick={() => unlock.mutate({ roomName })}
        >
          <LockOpenIcon aria-hidden />
          Unlock room
        </Button>
      ) : null}
      {resumable ? (
        <Button
          aria-label={`Resume activity in ${roomName}`}
          disabled={resume.isPending}
          aria-busy={resume.isPending}
          onClick={() => resume.mutate({ roomName })}
        >
          <PlayIcon aria-hidden />
          Resume activity
        </Button>
      ) : (
        <Button
          ref={suspendButton}
          variant="destructive"
          aria-label={`Suspend activity in ${roomName}`}
          onClick={() => setSuspendOpen(true)}
        >
          <OctagonPauseIcon aria-hidden />
          Suspend activity
        </Button>
      )}
      <ReturnFocusTo target={lockButton}>
        <LockRoomDialog
          open={lockOpen}
          onOpenChange={setLockOpen}
          roomName={roomName}
          current={lock.allowList}
          locked={lock.locked}
        />
      </ReturnFocusTo>
      <ReturnFocusTo target={suspendButton}>
        <ConfirmDialog
          open={suspendOpen}
          onOpenChange={setSuspendOpen}
          title={`Suspend activity in ${roomName}?`}
          confirmLabel="Suspend activity"
          pending={suspend.isPending}
          onConfirm={() => suspend.mutate({ roomName }, { onSuccess: () => setSuspendOpen(false) })}
        >
          <p>
            {lock.locked
              ? 'The room stays locked: whoever joins is removed, unless allow-listed.'
              : 'The room is locked: whoever joins is removed.'}{' '}
            Every microphone, camera and screen share of everyone but moderators, agents and
            recorders is muted, and they may no longer publish media or data.
          </p>
          <p>
            Resume activity gives each of them back exactly the rights that were taken
            {lock.locked ? '' : ' and unlocks the room'}. Nobody is unmuted: they publish again
            themselves.
          </p>
        </ConfirmDialog>
      </ReturnFocusTo>
    </>
  );
}
