import 'server-only';

import * as livekit from '@/lib/livekit/room-service';
import { sendDataInputSchema } from '@/lib/schemas/participants';

import type { Actor } from '../actor';
import { audited } from '../audit';
import { assertCan } from '../policy';
import { parseInput } from '../validate';

import { visibleRoom } from './visible-room';

/** Sends a data message to everyone in the room, or to the chosen identities. */
export async function sendData(
  actor: Actor,
  input: unknown,
): Promise<{ recipients: number | 'all' }> {
  const message = parseInput(sendDataInputSchema, input);
  const { roomName, destinationIdentities, topic, reliable, format } = message;
  const params = {
    topic: topic ?? null,
    reliable,
    format,
    bytes: new TextEncoder().encode(message.payload).length,
    destinationIdentities,
  };
  return audited(actor, 'data.sent', { roomName }, params, async () => {
    assertCan(actor, 'data.send');
    await visibleRoom(actor, roomName);
    await livekit.sendData(roomName, {
      payload: new TextEncoder().encode(message.payload),
      topic: topic || undefined,
      reliable,
      destinationIdentities,
    });
    return { recipients: destinationIdentities.length || ('all' as const) };
  });
}
