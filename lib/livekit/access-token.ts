import 'server-only';

import { RoomAgentDispatch, RoomConfiguration } from '@livekit/protocol';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { AccessToken, type VideoGrant } from 'livekit-server-sdk';

import type { GenerateTokenOptions, RoomConfigurationOptions } from '@/lib/schemas/tokens';

import { livekitConfig } from './client';
import { PROTO_SOURCE } from './tokens';

/** What goes into a generated token: the validated input, after the domain's rules. */
export type AccessTokenSpec = Pick<
  GenerateTokenOptions,
  'identity' | 'name' | 'metadata' | 'attributes' | 'ttlSeconds' | 'video' | 'roomConfig'
>;

export interface SignedAccessToken {
  token: string;
  /** Decoded back from the signed token, so callers show exactly what LiveKit will read. */
  header: Record<string, unknown>;
  claims: Record<string, unknown>;
  expiresAtMs: number;
}

/**
 * Signs a LiveKit access token with the server's key pair (HS256, `iss` = API key, `sub` =
 * identity, `nbf` now, `exp` now + TTL: docs/livekit-behaviour.md §2.1). Grant fields the spec
 * leaves out stay out of the token, so LiveKit applies its own defaults to them; empty name,
 * metadata and attributes are left out as well.
 */
export async function signAccessToken(spec: AccessTokenSpec): Promise<SignedAccessToken> {
  const { apiKey, apiSecret } = livekitConfig();
  const at = new AccessToken(apiKey, apiSecret, {
    identity: spec.identity,
    ttl: spec.ttlSeconds,
  });
  if (spec.name) at.name = spec.name;
  if (spec.metadata) at.metadata = spec.metadata;
  if (Object.keys(spec.attributes).length > 0) at.attributes = spec.attributes;
  at.addGrant(toVideoGrant(spec.video));
  if (spec.roomConfig) at.roomConfig = toRoomConfiguration(spec.roomConfig);
  const token = await at.toJwt();
  const claims = decodeJwt(token) as Record<string, unknown>;
  return {
    token,
    header: decodeProtectedHeader(token) as Record<string, unknown>,
    claims,
    expiresAtMs: Number(claims.exp) * 1000,
  };
}

function toVideoGrant(video: AccessTokenSpec['video']): VideoGrant {
  const { canPublishSources, ...rest } = video;
  const grant: VideoGrant = {};
  for (const [key, value] of Object.entries(rest)) {
    if (value !== undefined) (grant as Record<string, unknown>)[key] = value;
  }
  // The SDK writes LiveKit's lower-case source names into the token.
  if (canPublishSources) grant.canPublishSources = canPublishSources.map((s) => PROTO_SOURCE[s]);
  return grant;
}

/** The token carries it as protojson with every field present (protobuf-es `toJSON`). */
function toRoomConfiguration(config: RoomConfigurationOptions): RoomConfiguration {
  return new RoomConfiguration({
    name: config.name,
    emptyTimeout: config.emptyTimeout,
    departureTimeout: config.departureTimeout,
    maxParticipants: config.maxParticipants,
    metadata: config.metadata,
    minPlayoutDelay: config.minPlayoutDelay,
    maxPlayoutDelay: config.maxPlayoutDelay,
    syncStreams: config.syncStreams,
    agents: config.agents.map(
      (agent) => new RoomAgentDispatch({ agentName: agent.agentName, metadata: agent.metadata }),
    ),
  });
}
