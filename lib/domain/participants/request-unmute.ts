import 'server-only';

import * as livekit from '@/lib/livekit/room-service';
import { requestUnmuteInputSchema } from '@/lib/schemas/participants';
import { UNMUTE_REQUEST_TOPIC, type UnmuteRequestMessage } from '@/lib/schemas/protocol';

import { defineOperation } from '../operation';

/**
 * "Ask to unmute": where the server refuses remote unmute, a reliable data message on a documented
 * topic asks the participant's app to unmute itself. Only the participant receives it.
 */
export const requestUnmute = defineOperation({
  name: 'requestUnmute',
  summary: 'Ask a participant to unmute a track',
  description: `Sends a reliable data message on topic \`${UNMUTE_REQUEST_TOPIC}\` to the participant only; their app decides.`,
  tag: 'Tracks',
  input: requestUnmuteInputSchema,
  output: null,
  permission: 'tracks.mute',
  http: {
    method: 'POST',
    path: '/rooms/{roomName}/participants/{identity}/tracks/{trackSid}/unmute-request',
  },
  audit: { action: 'track.unmute_requested' },
  rooms: ({ roomName }) => [roomName],
  errors: ['not_found'],
  async act({ actor }, { roomName, identity, trackSid }) {
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
    return null;
  },
});
