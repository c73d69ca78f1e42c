import 'server-only';

import { consentRequestResultSchema, REQUEST_ACTIONS } from '@/lib/contracts/consent';
import * as livekit from '@/lib/livekit/room-service';
import { requestUnmuteInputSchema } from '@/lib/schemas/participants';
import {
  CONSENT_ANSWER_TOPIC,
  UNMUTE_REQUEST_TOPIC,
  type UnmuteRequestMessage,
} from '@/lib/schemas/protocol';

import { defineOperation } from '../operation';
import { newRequestId } from './consent-requests';
import { sendJsonMessage } from '../send-json-message';

/**
 * "Ask to unmute": where the server refuses remote unmute, a reliable data message on a documented
 * topic asks the participant's app to unmute itself. Only the participant receives it.
 */
export const requestUnmute = defineOperation({
  name: 'requestUnmute',
  summary: 'Ask a participant to unmute a track',
  description: `Sends a reliable data message on topic \`${UNMUTE_REQUEST_TOPIC}\` to the participant only; their app decides. Its answer, on topic \`${CONSENT_ANSWER_TOPIC}\`, echoes \`requestId\`.`,
  tag: 'Tracks',
  input: requestUnmuteInputSchema,
  output: consentRequestResultSchema,
  permission: 'tracks.mute',
  http: {
    method: 'POST',
    path: '/rooms/{roomName}/participants/{identity}/tracks/{trackSid}/unmute-request',
  },
  audit: { action: REQUEST_ACTIONS.unmute },
  rooms: ({ roomName }) => [roomName],
  errors: ['not_found'],
  async act({ actor, auditParams }, { roomName, identity, trackSid }) {
    const participant = await livekit.getParticipant(roomName, identity);
    const track = participant.tracks.find((t) => t.sid === trackSid);
    const message: UnmuteRequestMessage = {
      type: 'unmute_request',
      requestId: newRequestId(),
      trackSid,
      source: track?.source ?? 'UNKNOWN',
      requestedBy: actor.name || actor.username,
    };
    await sendJsonMessage(roomName, UNMUTE_REQUEST_TOPIC, message, [identity]);
    auditParams.requestId = message.requestId;
    return { requestId: message.requestId };
  },
});
