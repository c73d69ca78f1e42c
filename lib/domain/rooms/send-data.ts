import 'server-only';

import { z } from 'zod';

import * as livekit from '@/lib/livekit/room-service';
import { sendDataInputSchema } from '@/lib/schemas/participants';

import { defineOperation } from '../operation';

/** Sends a data message to everyone in the room, or to the chosen identities. */
export const sendData = defineOperation({
  name: 'sendData',
  summary: 'Send a data message',
  description:
    'Sends a text or JSON message to everyone in the room, or only to `destinationIdentities`.',
  tag: 'Rooms',
  input: sendDataInputSchema,
  output: z.object({ recipients: z.union([z.number().int(), z.literal('all')]) }),
  permission: 'data.send',
  http: { method: 'POST', path: '/rooms/{roomName}/data' },
  audit: {
    action: 'data.sent',
    params: ({ topic, reliable, format, payload, destinationIdentities }) => ({
      topic: topic ?? null,
      reliable,
      format,
      bytes: new TextEncoder().encode(payload).length,
      destinationIdentities,
    }),
  },
  rooms: ({ roomName }) => [roomName],
  errors: ['not_found'],
  async act(_context, { roomName, payload, topic, reliable, destinationIdentities }) {
    await livekit.sendData(roomName, {
      payload: new TextEncoder().encode(payload),
      topic: topic || undefined,
      reliable,
      destinationIdentities,
    });
    return { recipients: destinationIdentities.length || ('all' as const) };
  },
});
