'use client';

import type { RequestCameraInput } from '@/lib/schemas/participants';

import { callOperation } from './call-operation';
import { useActionMutation } from './use-action-mutation';

/** Sends the documented "please turn on your camera" data message to the participant only. */
export function useRequestCamera() {
  return useActionMutation({
    action: ({ input }: { input: RequestCameraInput }) => callOperation('requestCamera', input),
    success: (_data, { input }) =>
      `Asked ${input.identity} to turn on their camera. Their app decides whether to do it.`,
    failure: ({ input }) => `Could not ask ${input.identity} to turn on their camera`,
  });
}
