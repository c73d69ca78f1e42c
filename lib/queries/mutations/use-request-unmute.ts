'use client';

import { callOperation } from './call-operation';
import type { RequestUnmuteInput } from '@/lib/schemas/participants';

import { useActionMutation } from './use-action-mutation';

/** Sends the documented "please unmute" data message to the participant only. */
export function useRequestUnmute() {
  return useActionMutation({
    action: ({ input }: { input: RequestUnmuteInput; target: string }) =>
      callOperation('requestUnmute', input),
    success: (_data, { input, target }) =>
      `Asked ${input.identity} to unmute their ${target}. Their app decides whether to do it.`,
    failure: ({ input }) => `Could not ask ${input.identity} to unmute`,
  });
}
