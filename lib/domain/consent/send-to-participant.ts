import 'server-only';

import * as livekit from '@/lib/livekit/room-service';

/** A reliable JSON data message that only `identity` receives. */
export async function sendToParticipant(
  roomName: string,
  identity: string,
  topic: string,
  message: object,
): Promise<void> {
  await livekit.sendData(roomName, {
    payload: new TextEncoder().encode(JSON.stringify(message)),
    topic,
    reliable: true,
    destinationIdentities: [identity],
  });
}
