import 'server-only';

import { joinCredentialsSchema } from '@/lib/contracts/moderation-commands';
import { findMicRestriction, saveMicTaking } from '@/lib/db/microphone-restrictions';
import { clientUrls, mintJoinToken } from '@/lib/livekit/tokens';
import { roomRefInputSchema } from '@/lib/schemas/rooms';

import { refuseBannedJoin } from '../bans/ban-rules';
import { defineOperation } from '../operation';
import { isUnrestricted } from './microphone-restriction-rules';
import { moderatorIdentity, moderatorName } from './moderator-identity';
import { publishRightsOf, withoutSources } from './publish-rights';

/** Long enough to join from another device; LiveKit refreshes the token of a connected client. */
export const JOIN_TOKEN_TTL_SECONDS = 60 * 60;

/**
 * OpenTalk's `create_new_access_token`: a LiveKit join token for the signed-in moderator
 * themselves — identity from their session, never from the request — with the room's current
 * restrictions already applied (no MICROPHONE while restrictions are on and they are not on the
 * allow-list; what that takes is recorded, so disabling gives it back once they have joined).
 * Answered with OpenTalk's credentials: the room, the token and the client URLs.
 */
export const createAccessToken = defineOperation({
  name: 'createAccessToken',
  summary: 'Get a join token for yourself',
  description:
    'A LiveKit join token for the caller’s own identity (`moderato:<user id>`), valid for an hour, with the room’s microphone restrictions applied. `credentials` is OpenTalk’s Credentials; `public_url` and `service_url` are LIVEKIT_PUBLIC_URL and LIVEKIT_SERVICE_URL (default LIVEKIT_URL).',
  tag: 'Rooms',
  input: roomRefInputSchema,
  output: joinCredentialsSchema,
  permission: 'rooms.join',
  http: { method: 'POST', path: '/rooms/{roomName}/join-token' },
  audit: { action: 'room.join_token_issued' },
  rooms: ({ roomName }) => [roomName],
  errors: ['not_found'],
  async act({ actor, auditParams, room }, { roomName }) {
    const identity = moderatorIdentity(actor);
    const { tenant } = await room(roomName);
    await refuseBannedJoin(roomName, identity, { roomTenant: tenant, name: moderatorName(actor) });
    const everything = { canPublish: true, canPublishSources: [] };
    const restriction = await findMicRestriction(roomName);
    const restricted = restriction !== null && !isUnrestricted(restriction, identity);
    const rights = restricted ? withoutSources(everything, ['MICROPHONE']) : everything;
    if (restricted) {
      await saveMicTaking({
        roomName,
        identity,
        participantSid: null,
        previous: publishRightsOf(everything),
        applied: publishRightsOf(rights),
        takenAtMs: Date.now(),
      });
    }
    const { token, expiresAtMs } = await mintJoinToken({
      room: roomName,
      identity,
      name: moderatorName(actor),
      ttlSeconds: JOIN_TOKEN_TTL_SECONDS,
      canPublish: rights.canPublish,
      canPublishData: true,
      canSubscribe: true,
      canPublishSources: rights.canPublishSources,
      hidden: false,
    });
    const { publicUrl, serviceUrl } = clientUrls();
    // Who got a token, and how restricted; never the token itself.
    auditParams.identity = identity;
    auditParams.microphoneRestricted = restricted;
    return {
      identity,
      expiresAtMs,
      credentials: { room: roomName, token, public_url: publicUrl, service_url: serviceUrl },
    };
  },
});
