import 'server-only';

import { popoutTokenSchema } from '@/lib/contracts/moderation-commands';
import { mintJoinToken } from '@/lib/livekit/tokens';
import { roomRefInputSchema } from '@/lib/schemas/rooms';

import { refuseBannedJoin } from '../bans/ban-rules';
import { defineOperation } from '../operation';
import { moderatorIdentity, moderatorName, popoutIdentity } from './moderator-identity';

/** Short: it only has to last until the popout connects (LiveKit refreshes it from then on). */
export const POPOUT_TOKEN_TTL_SECONDS = 5 * 60;

/**
 * OpenTalk's `request_popout_stream_access_token`: a token to watch the room in a separate window —
 * bound to the requester (`<their identity>#popout`, so it never replaces their own session),
 * hidden from the other participants, subscribe-only: it may publish no track and no data.
 */
export const requestPopoutToken = defineOperation({
  name: 'requestPopoutToken',
  summary: 'Get a hidden, watch-only token',
  description:
    'A LiveKit join token for `<your identity>#popout`, valid for 5 minutes: hidden, may subscribe, may publish nothing (no tracks, no data).',
  tag: 'Rooms',
  input: roomRefInputSchema,
  output: popoutTokenSchema,
  permission: 'rooms.join',
  http: { method: 'POST', path: '/rooms/{roomName}/popout-token' },
  audit: { action: 'room.popout_token_issued' },
  rooms: ({ roomName }) => [roomName],
  errors: ['not_found'],
  async act({ actor, auditParams, room }, { roomName }) {
    const identity = popoutIdentity(actor);
    const { tenant } = await room(roomName);
    // The popout is the requester watching: a banned requester gets none either.
    await refuseBannedJoin(roomName, moderatorIdentity(actor), {
      roomTenant: tenant,
      name: moderatorName(actor),
    });
    const { token, expiresAtMs } = await mintJoinToken({
      room: roomName,
      identity,
      name: `${moderatorName(actor)} (popout)`,
      ttlSeconds: POPOUT_TOKEN_TTL_SECONDS,
      canPublish: false,
      canPublishData: false,
      canSubscribe: true,
      canPublishSources: [],
      hidden: true,
    });
    auditParams.identity = identity;
    return { identity, expiresAtMs, token };
  },
});
