import 'server-only';

import { trackSchema } from '@/lib/contracts/dto';
import * as livekit from '@/lib/livekit/room-service';
import { muteTrackInputSchema } from '@/lib/schemas/participants';

import { DomainError } from '../errors';
import { defineOperation } from '../operation';

/**
 * Mutes or unmutes one published track. Unmuting fails with `failed_precondition` unless the server
 * enables remote unmute (LiveKit's default is off, docs/livekit-behaviour.md §3.7); the UI then
 * offers `requestUnmute` instead.
 */
export const muteTrack = defineOperation({
  name: 'muteTrack',
  summary: 'Mute or unmute a published track',
  description:
    'Unmuting answers 412 unless the LiveKit server enables remote unmute (off by default); ask the participant with `requestUnmute` instead.',
  tag: 'Tracks',
  input: muteTrackInputSchema,
  output: trackSchema,
  permission: 'tracks.mute',
  http: { method: 'PATCH', path: '/rooms/{roomName}/participants/{identity}/tracks/{trackSid}' },
  audit: {
    action: ({ muted }) => (muted ? 'track.muted' : 'track.unmuted'),
    actions: ['track.muted', 'track.unmuted'],
  },
  rooms: ({ roomName }) => [roomName],
  errors: ['not_found', 'failed_precondition'],
  async act(_context, { roomName, identity, trackSid, muted }) {
    const track = await livekit
      .mutePublishedTrack(roomName, identity, trackSid, muted)
      .catch((err: unknown) => explainAbsence(err, roomName, identity));
    // LiveKit answers an unknown track sid with 200 and no track.
    if (!track) throw new DomainError('not_found', `Track ${trackSid} of ${identity} not found.`);
    return track;
  },
});

/**
 * LiveKit has no answer for muting someone who is not in the room: the request waits for a
 * participant that never replies and fails as unavailable (docs/livekit-behaviour.md §7.49). Only
 * then is the participant looked up — never on the happy path — so every door (a menu left open
 * after they left, a portal, a bulk run) hears `not_found`, and only a LiveKit that really is down
 * stays unavailable.
 */
async function explainAbsence(err: unknown, roomName: string, identity: string): Promise<never> {
  if (!(err instanceof DomainError) || err.code !== 'upstream_unavailable') throw err;
  const present = await livekit.getParticipant(roomName, identity).then(
    () => true,
    (lookup: unknown) => !(lookup instanceof DomainError && lookup.code === 'not_found'),
  );
  if (present) throw err;
  throw new DomainError('not_found', `${identity} is not in ${roomName}.`);
}
