import 'server-only';

import type { MicrophoneRestrictionsEvent } from '@/lib/contracts/opentalk-livekit';
import { MICROPHONE_RESTRICTIONS_TOPIC } from '@/lib/schemas/protocol';

import { sendJsonMessage } from '../send-json-message';

/** Tells everyone in the room the new state, as OpenTalk's event (reliable). */
export async function announceRestrictions(
  roomName: string,
  event: MicrophoneRestrictionsEvent,
): Promise<void> {
  await sendJsonMessage(roomName, MICROPHONE_RESTRICTIONS_TOPIC, event);
}
