'use client';

import { callOperation } from './call-operation';
import type { SendDataInput } from '@/lib/schemas/participants';

import { useActionMutation } from './use-action-mutation';

export function useSendData() {
  return useActionMutation({
    action: (input: SendDataInput) => callOperation('sendData', input),
    success: ({ recipients }, { roomName }) =>
      recipients === 'all'
        ? `Sent the message to everyone in ${roomName}.`
        : `Sent the message to ${recipients} ${recipients === 1 ? 'participant' : 'participants'} in ${roomName}.`,
    failure: ({ roomName }) => `Could not send the message to ${roomName}`,
  });
}
