import 'server-only';

import * as livekit from '@/lib/livekit/room-service';

/**
 * How Moderato tells participants' apps something (a ban's reason, a lock, a request, OpenTalk's
 * events): a reliable data message carrying `message` as UTF-8 JSON on `topic`, to the listed
 * identities — everyone in the room when `to` is empty. The topics and payloads are documented in
 * docs/moderation.md, docs/bans.md and docs/rest-api.md.
 */
export async function sendJsonMessage(
  roomName: string,
  topic: string,
  message: object,
  to: readonly string[] = [],
): Promise<void> {
  await livekit.sendData(roomName, {
    payload: new TextEncoder().encode(JSON.stringify(message)),
    topic,
    reliable: true,
    destinationIdentities: [...to],
  });
}
