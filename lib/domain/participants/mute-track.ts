import 'server-only';

import * as livekit from '@/lib/livekit/room-service';
import { muteTrackInputSchema } from '@/lib/schemas/participants';

import type { Actor } from '../actor';
import { audited } from '../audit';
import type { TrackDto } from '../dto';
import { DomainError } from '../errors';
import { assertCan } from '../policy';
import { visibleRoom } from '../rooms/visible-room';
import { parseInput } from '../validate';

/**
 * Mutes or unmutes one published track. Unmuting fails with `failed_precondition` unless the server
 * enables remote unmute (LiveKit's default is off, semantics §3.7); the UI then offers
 * `requestUnmute` instead.
 */
export async function muteTrack(actor: Actor, input: unknown): Promise<TrackDto> {
  const { roomName, identity, trackSid, muted } = parseInput(muteTrackInputSchema, input);
  const action = muted ? 'track.muted' : 'track.unmuted';
  return audited(actor, action, { roomName, identity, trackSid }, undefined, async () => {
    assertCan(actor, 'tracks.mute');
    await visibleRoom(actor, roomName);
    const track = await livekit.mutePublishedTrack(roomName, identity, trackSid, muted);
    // LiveKit answers an unknown track sid with 200 and no track.
    if (!track) throw new DomainError('not_found', `Track ${trackSid} of ${identity} not found.`);
    return track;
  });
}
