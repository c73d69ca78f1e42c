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
    const track = await livekit.mutePublishedTrack(roomName, identity, trackSid, muted);
    // LiveKit answers an unknown track sid with 200 and no track.
    if (!track) throw new DomainError('not_found', `Track ${trackSid} of ${identity} not found.`);
    return track;
  },
});
