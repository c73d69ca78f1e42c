'use client';

import type { QueryClient } from '@tanstack/react-query';

import type { MicrophoneRestrictionsDto } from '@/lib/contracts/moderation-commands';
import { roomKeys } from '@/lib/queries/keys';
import type {
  EnableMicrophoneRestrictionsInput,
  ForceMuteInput,
  ScreenShareInput,
} from '@/lib/schemas/moderation-commands';

import { refreshRoom } from './cache';
import { callOperation } from './call-operation';
import { useActionMutation } from './use-action-mutation';

/** "alice", "alice and bob", "3 participants". */
function who(identities: readonly string[]): string {
  if (identities.length === 1) return identities[0]!;
  if (identities.length === 2) return `${identities[0]} and ${identities[1]}`;
  return `${identities.length} participants`;
}

function setRestrictions(queryClient: QueryClient, state: MicrophoneRestrictionsDto): void {
  queryClient.setQueryData(roomKeys.microphoneRestrictions(state.roomName), state);
  // Permissions and tracks changed: the room's rows and counts follow.
  refreshRoom(queryClient, state.roomName);
}

export function useForceMute() {
  return useActionMutation({
    action: (input: ForceMuteInput) => callOperation('forceMute', input),
    success: (result, { participants }) => {
      const tracks = result.muted.reduce((n, m) => n + m.trackSids.length, 0);
      const gone = result.missing.length > 0 ? ` ${who(result.missing)} left meanwhile.` : '';
      return `Force muted ${who(participants)} (${tracks} microphone ${tracks === 1 ? 'track' : 'tracks'}).${gone}`;
    },
    failure: ({ participants }) => `Could not force mute ${who(participants)}`,
    update: (queryClient, _result, { roomName }) => refreshRoom(queryClient, roomName),
  });
}

export function useEnableMicrophoneRestrictions() {
  return useActionMutation({
    action: (input: EnableMicrophoneRestrictionsInput) =>
      callOperation('enableMicrophoneRestrictions', input),
    success: (state) =>
      `Microphones restricted: ${state.restricted.length} ${state.restricted.length === 1 ? 'participant' : 'participants'} can no longer unmute.`,
    failure: () => 'Could not restrict microphones',
    update: (queryClient, state) => setRestrictions(queryClient, state),
  });
}

export function useDisableMicrophoneRestrictions() {
  return useActionMutation({
    action: (input: { roomName: string }) => callOperation('disableMicrophoneRestrictions', input),
    success: () => 'Microphone restrictions lifted: everyone got back what was taken.',
    failure: () => 'Could not lift the microphone restrictions',
    update: (queryClient, state) => setRestrictions(queryClient, state),
  });
}

export function useScreenSharePermission() {
  return useActionMutation({
    action: ({ grant, input }: { grant: boolean; input: ScreenShareInput }) =>
      callOperation(grant ? 'grantScreenSharePermission' : 'revokeScreenSharePermission', input),
    success: (result) =>
      result.grant
        ? `${who(result.participants)} may share their screen.`
        : `${who(result.participants)} may no longer share their screen.`,
    failure: ({ grant, input }) =>
      `Could not ${grant ? 'allow' : 'revoke'} screen sharing for ${who(input.participants)}`,
    update: (queryClient, _result, { input }) => refreshRoom(queryClient, input.roomName),
  });
}

export function useCreateAccessToken() {
  return useActionMutation({
    action: (input: { roomName: string }) => callOperation('createAccessToken', input),
    success: () => null,
    failure: ({ roomName }) => `Could not get a join token for ${roomName}`,
    update: (queryClient, _result, { roomName }) =>
      void queryClient.invalidateQueries({ queryKey: roomKeys.microphoneRestrictions(roomName) }),
  });
}

export function useRequestPopoutToken() {
  return useActionMutation({
    action: (input: { roomName: string }) => callOperation('requestPopoutToken', input),
    success: () => null,
    failure: ({ roomName }) => `Could not get a popout token for ${roomName}`,
  });
}
