import 'server-only';

import { consentRequestResultSchema, REQUEST_ACTIONS } from '@/lib/contracts/consent';
import * as livekit from '@/lib/livekit/room-service';
import { requestCameraInputSchema } from '@/lib/schemas/participants';
import {
  CAMERA_REQUEST_TOPIC,
  CONSENT_ANSWER_TOPIC,
  type CameraRequestMessage,
} from '@/lib/schemas/protocol';

import { defineOperation } from '../operation';
import { newRequestId } from './consent-requests';
import { sendJsonMessage } from '../send-json-message';

/**
 * "Ask to turn on camera": no LiveKit call can turn a camera on (a server can only mute), so the
 * participant's app is asked, and its user decides. Only the participant receives the message.
 */
export const requestCamera = defineOperation({
  name: 'requestCamera',
  summary: 'Ask a participant to turn on their camera',
  description: `Sends a reliable data message on topic \`${CAMERA_REQUEST_TOPIC}\` to the participant only; their app decides. Its answer, on topic \`${CONSENT_ANSWER_TOPIC}\`, echoes \`requestId\`.`,
  tag: 'Tracks',
  input: requestCameraInputSchema,
  output: consentRequestResultSchema,
  permission: 'tracks.mute',
  http: { method: 'POST', path: '/rooms/{roomName}/participants/{identity}/camera-request' },
  audit: { action: REQUEST_ACTIONS.camera },
  rooms: ({ roomName }) => [roomName],
  errors: ['not_found'],
  async act({ actor, auditParams }, { roomName, identity }) {
    // Not found when they are not in the room: a request nobody receives would read as sent.
    await livekit.getParticipant(roomName, identity);
    const message: CameraRequestMessage = {
      type: 'camera_request',
      requestId: newRequestId(),
      requestedBy: actor.name || actor.username,
    };
    await sendJsonMessage(roomName, CAMERA_REQUEST_TOPIC, message, [identity]);
    auditParams.requestId = message.requestId;
    return { requestId: message.requestId };
  },
});
