import 'server-only';

import type { MicrophoneRestrictionsDto } from '@/lib/contracts/moderation-commands';
import { findMicRestriction, listMicTakings } from '@/lib/db/microphone-restrictions';

/** A room's restrictions as the UI and /api/v1 show them, from the store. */
export async function describeRestrictions(roomName: string): Promise<MicrophoneRestrictionsDto> {
  const [restriction, takings] = await Promise.all([
    findMicRestriction(roomName),
    listMicTakings(roomName),
  ]);
  return {
    roomName,
    microphone_restriction_state: restriction
      ? { type: 'enabled', unrestricted_participants: restriction.unrestricted }
      : { type: 'disabled' },
    enabledBy: restriction?.enabledBy ?? null,
    enabledAtMs: restriction?.enabledAtMs ?? null,
    restricted: takings.map((t) => ({
      identity: t.identity,
      takenAtMs: t.takenAtMs,
      joined: t.participantSid !== null,
    })),
  };
}
