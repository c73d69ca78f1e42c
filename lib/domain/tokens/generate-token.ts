import 'server-only';

import { generatedTokenSchema } from '@/lib/contracts/tokens';
import { signAccessToken } from '@/lib/livekit/access-token';
import { clientUrls } from '@/lib/livekit/tokens';
import { generateTokenInputSchema, type GenerateTokenOptions } from '@/lib/schemas/tokens';

import { defineOperation } from '../operation';

import { fillJoinLink, joinLinkTemplateFor } from './join-link';
import {
  refuseBannedIdentity,
  refuseServerWideGrants,
  scopedRoomConfig,
  tenantOfTokenRoom,
} from './token-scope';

/**
 * The admin's token generator: a LiveKit access token with any VideoGrant, TTL, name, metadata,
 * attributes and room configuration, answered once with its decoded header and claims and the
 * join link. Refused to a banned identity like every token Moderato issues; a caller bound to a
 * tenant or to some rooms mints tokens only for its rooms, and never server-wide grants
 * (docs/tokens.md). The audit row records what was granted, never the token.
 */
export const generateToken = defineOperation({
  name: 'generateToken',
  summary: 'Generate a LiveKit access token',
  description:
    'Signs a token with the LiveKit API key pair: `video` is LiveKit’s VideoGrant (a field left out stays out, and LiveKit applies its default), `roomConfig` the RoomConfiguration applied when this token’s join creates the room. The answer carries the token once, its decoded header and claims, and the join link built from the join link template (null without `roomJoin`). A banned identity gets 403. A tenant-bound caller (or one limited to some rooms) gets 404 for a room outside its scope or one that does not exist, 403 for server-wide grants (roomCreate, roomList, roomRecord, ingressAdmin, agent), and its join tokens carry a room configuration with its `auth_id`.',
  tag: 'LiveKit',
  input: generateTokenInputSchema,
  output: generatedTokenSchema,
  permission: 'tokens.generate',
  http: { method: 'POST', path: '/livekit/tokens' },
  audit: {
    action: 'token.generated',
    target: ({ identity, video }) => ({ roomName: video.room, identity }),
    params: summarize,
  },
  errors: ['not_found'],
  async act(context, input) {
    const { actor, auditParams } = context;
    const { identity, name, video } = input;
    refuseServerWideGrants(actor, video);
    const roomConfig = scopedRoomConfig(actor, input);
    const rooms = [];
    for (const roomName of new Set([video.room, video.destinationRoom])) {
      if (!roomName) continue;
      const config = roomName === video.room ? roomConfig : undefined;
      rooms.push({ roomName, roomTenant: await tenantOfTokenRoom(context, roomName, config) });
    }
    await refuseBannedIdentity(actor, identity, name, rooms);

    const signed = await signAccessToken({ ...input, roomConfig });
    const livekitUrl = clientUrls().publicUrl;
    const { template } = await joinLinkTemplateFor(actor);
    const joinLink =
      video.roomJoin && video.room
        ? fillJoinLink(template, {
            url: livekitUrl,
            token: signed.token,
            room: video.room,
            identity,
          })
        : null;
    auditParams.expiresAtMs = signed.expiresAtMs;
    return { identity, livekitUrl, joinLink, ...signed };
  },
});

/** What the audit row keeps: the grants and sizes; never the token, metadata or attribute values. */
function summarize(input: GenerateTokenOptions) {
  const { video, roomConfig } = input;
  return {
    video,
    ttlSeconds: input.ttlSeconds,
    name: input.name,
    metadataBytes: input.metadata.length,
    attributeKeys: Object.keys(input.attributes),
    roomConfig: roomConfig
      ? {
          name: roomConfig.name,
          emptyTimeout: roomConfig.emptyTimeout,
          departureTimeout: roomConfig.departureTimeout,
          maxParticipants: roomConfig.maxParticipants,
          minPlayoutDelay: roomConfig.minPlayoutDelay,
          maxPlayoutDelay: roomConfig.maxPlayoutDelay,
          syncStreams: roomConfig.syncStreams,
          metadataBytes: roomConfig.metadata.length,
          agents: roomConfig.agents.map((agent) => agent.agentName),
        }
      : null,
  };
}
