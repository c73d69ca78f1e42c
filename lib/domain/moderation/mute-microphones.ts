import 'server-only';

import type { ParticipantDto } from '@/lib/contracts/dto';
import * as livekit from '@/lib/livekit/room-service';

import { DomainError } from '../errors';

/**
 * Mutes a participant's unmuted microphone tracks — never a camera or a screen share — and answers
 * the sids it muted. A track unpublished meanwhile (LiveKit answers no track) or a participant who
 * left is simply nothing left to mute.
 */
export async function muteMicrophones(
  roomName: string,
  participant: ParticipantDto,
): Promise<string[]> {
  const muted: string[] = [];
  for (const track of participant.tracks) {
    if (track.source !== 'MICROPHONE' || track.muted) continue;
    try {
      const result = await livekit.mutePublishedTrack(
        roomName,
        participant.identity,
        track.sid,
        true,
      );
      if (result) muted.push(track.sid);
    } catch (err) {
      if (err instanceof DomainError && err.code === 'not_found') break;
      throw err;
    }
  }
  return muted;
}
