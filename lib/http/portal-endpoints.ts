import 'server-only';

import { muteTrack } from '@/lib/domain/participants/mute-track';
import { removeParticipant } from '@/lib/domain/participants/remove-participant';
import { portalMuteBodySchema, portalRemoveBodySchema } from '@/lib/schemas/portal';

import type { PortalEndpoint } from './portal-door';

/** `POST /livekit/participant/mute`: the registry's muteTrack, in the portal contract's words. */
export const PORTAL_MUTE = {
  method: 'POST',
  path: '/livekit/participant/mute',
  body: portalMuteBodySchema,
  operation: muteTrack,
  toInput: (body) => ({
    roomName: body.room_name,
    identity: body.participant_identity,
    trackSid: body.track_sid,
    muted: body.muted,
  }),
  toAnswer: (body, track) => ({
    room_name: body.room_name,
    participant_identity: body.participant_identity,
    track_sid: track.sid,
    muted: track.muted,
  }),
  notFound: (body) =>
    `No track ${JSON.stringify(body.track_sid)} of participant ${JSON.stringify(body.participant_identity)} in room ${JSON.stringify(body.room_name)}.`,
  failed:
    'The track could not be muted or unmuted: LiveKit is not configured, unreachable or refused (unmuting needs remote unmute enabled). The cause is in the server log.',
} satisfies PortalEndpoint<
  typeof portalMuteBodySchema,
  typeof muteTrack.input,
  Awaited<ReturnType<typeof muteTrack.act>>
>;

/** `DELETE /livekit/participant`: the registry's removeParticipant, in the portal contract's words. */
export const PORTAL_REMOVE = {
  method: 'DELETE',
  path: '/livekit/participant',
  body: portalRemoveBodySchema,
  operation: removeParticipant,
  toInput: (body) => ({ roomName: body.room_name, identity: body.participant_identity }),
  toAnswer: (body) => ({
    status: 'removed',
    room_name: body.room_name,
    participant_identity: body.participant_identity,
  }),
  notFound: (body) =>
    `No participant ${JSON.stringify(body.participant_identity)} in room ${JSON.stringify(body.room_name)}.`,
  failed:
    'The participant could not be removed: LiveKit is not configured, unreachable or refused. The cause is in the server log.',
} satisfies PortalEndpoint<typeof portalRemoveBodySchema, typeof removeParticipant.input, null>;

/** Every portal endpoint, for the doors that route them by method and path themselves. */
export const PORTAL_ENDPOINTS = [PORTAL_MUTE, PORTAL_REMOVE] as const;
