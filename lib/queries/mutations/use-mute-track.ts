'use client';

import { callOperation } from './call-operation';
import { livekitKeys } from '@/lib/queries/keys';
import type { MuteTrackInput } from '@/lib/schemas/participants';

import { patchParticipants } from './cache';
import { useActionMutation } from './use-action-mutation';

export interface MuteTrackVariables {
  input: MuteTrackInput;
  /** "microphone of alice" */
  target: string;
}

/**
 * Mutes or unmutes one track. A refused remote unmute (`failed_precondition`) is not toasted: the
 * component explains it and offers "Ask to unmute" instead (`onRefused`).
 */
export function useMuteTrack({
  onRefused,
}: { onRefused?: (vars: MuteTrackVariables) => void } = {}) {
  return useActionMutation({
    action: ({ input }: MuteTrackVariables) => callOperation('muteTrack', input),
    success: (track, { target }) => `${track.muted ? 'Muted' : 'Unmuted'} ${target}.`,
    failure: ({ input, target }) => `Could not ${input.muted ? 'mute' : 'unmute'} ${target}`,
    update: (queryClient, track, { input }) =>
      patchParticipants(queryClient, input.roomName, (list) =>
        list.map((p) =>
          p.identity === input.identity
            ? { ...p, tracks: p.tracks.map((t) => (t.sid === track.sid ? track : t)) }
            : p,
        ),
      ),
    onFailure: (queryClient, error, vars) => {
      if (error.code === 'not_found') {
        void queryClient.invalidateQueries({ queryKey: livekitKeys.all });
      }
      if (error.code === 'failed_precondition' && !vars.input.muted && onRefused) {
        onRefused(vars);
        return true;
      }
    },
  });
}
