'use client';

import type { QueryClient } from '@tanstack/react-query';

import type { RoomLockDto, SuspensionResultDto } from '@/lib/contracts/room-locks';
import { roomKeys } from '@/lib/queries/keys';
import type { LockRoomInput } from '@/lib/schemas/room-locks';

import { refreshRoom } from './cache';
import { callOperation } from './call-operation';
import { useActionMutation } from './use-action-mutation';

function setLock(queryClient: QueryClient, lock: RoomLockDto): void {
  queryClient.setQueryData(roomKeys.lock(lock.roomName), lock);
  void queryClient.invalidateQueries({ queryKey: roomKeys.locks(), exact: true });
}

/** "4 participants", "1 participant". */
function participants(n: number): string {
  return `${n} ${n === 1 ? 'participant' : 'participants'}`;
}

export function useLockRoom() {
  return useActionMutation({
    action: (input: LockRoomInput) => callOperation('lockRoom', input),
    success: (lock) =>
      lock.allowList.length > 0
        ? `Locked ${lock.roomName}: only ${lock.allowList.join(', ')} and moderators may join.`
        : `Locked ${lock.roomName}: only moderators may join.`,
    failure: ({ roomName }) => `Could not lock ${roomName}`,
    update: (queryClient, lock) => setLock(queryClient, lock),
  });
}

export function useUnlockRoom() {
  return useActionMutation({
    action: (input: { roomName: string }) => callOperation('unlockRoom', input),
    success: (lock) => `Unlocked ${lock.roomName}: anyone may join again.`,
    failure: ({ roomName }) => `Could not unlock ${roomName}`,
    update: (queryClient, lock) => setLock(queryClient, lock),
  });
}

function afterSuspension(queryClient: QueryClient, { lock }: SuspensionResultDto): void {
  setLock(queryClient, lock);
  // Permissions and tracks changed: the room's rows and counts follow.
  refreshRoom(queryClient, lock.roomName);
}

export function useSuspendActivity() {
  return useActionMutation({
    action: (input: { roomName: string }) => callOperation('suspendActivity', input),
    success: ({ lock, report }) => {
      const failed = report.failed.length > 0 ? ` ${report.failed.length} failed.` : '';
      return `Suspended ${lock.roomName}: ${participants(report.succeeded)} silenced.${failed}`;
    },
    failure: ({ roomName }) => `Could not suspend the activity of ${roomName}`,
    update: afterSuspension,
  });
}

export function useResumeActivity() {
  return useActionMutation({
    action: (input: { roomName: string }) => callOperation('resumeActivity', input),
    success: ({ lock, report }) => {
      const failed =
        report.failed.length > 0 ? ` ${report.failed.length} failed: resume again.` : '';
      // A lock taken before the suspension is not the suspension's to lift.
      const stillLocked = lock.locked
        ? ' The room stays locked, as it was before: unlock it to let people join.'
        : '';
      return `Resumed ${lock.roomName}: ${participants(report.succeeded)} got back what was taken.${failed}${stillLocked}`;
    },
    failure: ({ roomName }) => `Could not resume the activity of ${roomName}`,
    update: afterSuspension,
  });
}
