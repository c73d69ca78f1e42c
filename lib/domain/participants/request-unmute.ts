import 'server-only';

import * as livekit from '@/lib/livekit/room-service';
import { requestUnmuteInputSchema } from '@/lib/schemas/participants';
import { UNMUTE_REQUEST_TOPIC, type UnmuteRequestMessage } from '@/lib/schemas/protocol';

import type { Actor } from '../actor';
import { audited } from '../audit';
import { assertCan } from '../policy';
import { visibleRoom } from '../rooms/visible-room';
import { parseInput } from '../validate';

/**
 * "Ask to unmute": where the server refuses remote unmute, a reliable data message on a documented
 * topic asks the participant's app to unmute itself. Only the participant receives it.
 */
export async function requestUnmute(actor: Actor, input: unknown): Promise<void> {
  const { roomName, identity, trackSid } = parseInput(requestUnmuteInputSchema, input);
  await audited(
    actor,
    'track.unmute_requested',
    { roomName, identity, trackSid },
    undefined,
    async () => {
      assertCan(actor, 'tracks.mute');
      await visibleRoom(actor, roomName);
      const participant = await livekit.getParticipant(roomName, identity);
      const track = participant.tracks.find((t) => t.sid === trackSid);
      const message: UnmuteRequestMessage = {
        type: 'unmute_request',
        trackSid,
        source: track?.source ?? 'UNKNOWN',
        requestedBy: actor.name || actor.username,
      };
      await livekit.sendData(roomName, {
        payload: new TextEncoder().encode(JSON.stringify(message)),
        topic: UNMUTE_REQUEST_TOPIC,
        reliable: true,
        destinationIdentities: [identity],
      });
    },
  );
}
