import 'server-only';

import { BAN_NOTICE_TOPIC, type BanNoticeMessage } from '@/lib/contracts/bans';
import type { StoredBan } from '@/lib/db/bans';
import * as livekit from '@/lib/livekit/room-service';

import { DomainError } from '../errors';
import { sendJsonMessage } from '../send-json-message';

/**
 * Removes a banned participant: first a reliable data message on `moderato.ban`, addressed to them
 * only, with the reason (so their app can say why), then RemoveParticipant with LiveKit's
 * token-revocation timestamp (honoured by LiveKit Cloud, ignored by open-source servers, where the
 * ban holds by removing every rejoin instead). Answers false when they were already gone: removing
 * someone who left is no failure, which is what makes enforcement safe to repeat.
 */
export async function removeBanned(
  roomName: string,
  identity: string,
  ban: Pick<StoredBan, 'reason' | 'expiresAtMs' | 'roomName'>,
  nowMs: number = Date.now(),
): Promise<boolean> {
  const notice: BanNoticeMessage = {
    type: 'banned',
    reason: ban.reason,
    expiresAtMs: ban.expiresAtMs,
    roomName: ban.roomName,
  };
  try {
    await sendJsonMessage(roomName, BAN_NOTICE_TOPIC, notice, [identity]);
    await livekit.removeParticipant(roomName, identity, { revokeTokenTsMs: nowMs });
    return true;
  } catch (err) {
    if (err instanceof DomainError && err.code === 'not_found') return false;
    throw err;
  }
}
