import 'server-only';

import { ROOM_LOCKED_TOPIC, type RoomLockedNotice } from '@/lib/contracts/room-locks';
import * as livekit from '@/lib/livekit/room-service';

import { DomainError } from '../errors';
import { sendJsonMessage } from '../send-json-message';

export const ROOM_LOCKED_REASON = 'The room is locked: a moderator stopped new people joining.';

/**
 * Removes someone who joined a locked room: first a reliable data message on
 * `moderato.room_locked`, addressed to them only, so their app can say why, then RemoveParticipant.
 * No token revocation: they may join again once the room is unlocked. Answers false when they were
 * already gone, which is what makes enforcement safe to repeat.
 */
export async function removeLockedOut(roomName: string, identity: string): Promise<boolean> {
  const notice: RoomLockedNotice = { type: 'room_locked', roomName, reason: ROOM_LOCKED_REASON };
  try {
    await sendJsonMessage(roomName, ROOM_LOCKED_TOPIC, notice, [identity]);
    await livekit.removeParticipant(roomName, identity);
    return true;
  } catch (err) {
    if (err instanceof DomainError && err.code === 'not_found') return false;
    throw err;
  }
}
