import 'server-only';

import type { MicrophoneRestrictionsEvent } from '@/lib/contracts/opentalk-livekit';
import * as livekit from '@/lib/livekit/room-service';
import { MICROPHONE_RESTRICTIONS_TOPIC } from '@/lib/schemas/protocol';

/** Tells everyone in the room the new state, as OpenTalk's event (reliable). */
export async function announceRestrictions(
  roomName: string,
  event: MicrophoneRestrictionsEvent,
): Promise<void> {
  await livekit.sendData(roomName, {
    payload: new TextEncoder().encode(JSON.stringify(event)),
    topic: MICROPHONE_RESTRICTIONS_TOPIC,
    reliable: true,
    destinationIdentities: [],
  });
}
