'use client';

import type { BulkReportDto } from '@/lib/contracts/bulk';
import type { BulkAction } from '@/lib/queries/bulk-actions';
import { roomKeys } from '@/lib/queries/keys';

import { refreshRoom } from './cache';
import { callOperation } from './call-operation';
import { useActionMutation } from './use-action-mutation';

export interface BulkRunVariables {
  roomName: string;
  action: BulkAction;
  /** Undefined: everyone in the room. */
  identities?: string[];
  includeProtected: boolean;
  runId: string;
}

function run({ action, ...targets }: BulkRunVariables) {
  switch (action.kind) {
    case 'mute':
      return callOperation('muteTracksInBulk', { ...targets, group: action.group });
    case 'forceMute':
      return callOperation('forceMuteInBulk', targets);
    case 'preset':
      return callOperation('applyPermissionPreset', { ...targets, preset: action.preset.key });
    case 'remove':
      return callOperation('removeParticipantsInBulk', targets);
  }
}

/** Runs a bulk action; the dialog shows its report, so success is not toasted. */
export function useBulkRun() {
  return useActionMutation<BulkRunVariables, BulkReportDto>({
    action: run,
    success: () => null,
    failure: ({ roomName }) => `The bulk action in ${roomName} did not run`,
    update: (queryClient, _report, { roomName }) => {
      void queryClient.invalidateQueries({ queryKey: roomKeys.participants(roomName) });
      refreshRoom(queryClient, roomName);
    },
  });
}

export function useCancelBulkRun() {
  return useActionMutation({
    action: (input: { roomName: string; runId: string }) => callOperation('cancelBulkRun', input),
    success: () => null,
    failure: () => 'Could not cancel the bulk action',
  });
}
