import 'server-only';

import { TrackSource as ProtoTrackSource } from '@livekit/protocol';
import { AccessToken } from 'livekit-server-sdk';

import type { PublishSource } from '@/lib/contracts/tracks';
import { env } from '@/lib/env';

import { livekitConfig } from './client';
import { publicLiveKitUrl } from './public-url';

/**
 * Join tokens minted for dashboard users (the signed-in moderator joining a room, a popout viewer).
 * Only this module signs them, with the same key pair as the server API; callers decide the grants.
 */
export interface JoinGrant {
  room: string;
  identity: string;
  name: string;
  ttlSeconds: number;
  canPublish: boolean;
  canPublishData: boolean;
  canSubscribe: boolean;
  /** Empty = every source (LiveKit's rule), as long as `canPublish`. */
  canPublishSources: readonly PublishSource[];
  hidden: boolean;
}

export interface MintedToken {
  token: string;
  expiresAtMs: number;
}

export const PROTO_SOURCE: Record<PublishSource, ProtoTrackSource> = {
  CAMERA: ProtoTrackSource.CAMERA,
  MICROPHONE: ProtoTrackSource.MICROPHONE,
  SCREEN_SHARE: ProtoTrackSource.SCREEN_SHARE,
  SCREEN_SHARE_AUDIO: ProtoTrackSource.SCREEN_SHARE_AUDIO,
};

export async function mintJoinToken(grant: JoinGrant, nowMs = Date.now()): Promise<MintedToken> {
  const { apiKey, apiSecret } = livekitConfig();
  const token = new AccessToken(apiKey, apiSecret, {
    identity: grant.identity,
    name: grant.name,
    ttl: grant.ttlSeconds,
  });
  token.addGrant({
    roomJoin: true,
    room: grant.room,
    canPublish: grant.canPublish,
    canPublishData: grant.canPublishData,
    canSubscribe: grant.canSubscribe,
    canPublishSources: grant.canPublishSources.map((s) => PROTO_SOURCE[s]),
    canUpdateOwnMetadata: false,
    hidden: grant.hidden,
  });
  const jwt = await token.toJwt();
  // The SDK sets exp = now + ttl (seconds, floored); report the same instant.
  return { token: jwt, expiresAtMs: (Math.floor(nowMs / 1000) + grant.ttlSeconds) * 1000 };
}

/** OpenTalk's `public_url` and `service_url`: configurable, LIVEKIT_URL by default. */
export function clientUrls(): { publicUrl: string; serviceUrl: string } {
  const { LIVEKIT_PUBLIC_URL, LIVEKIT_SERVICE_URL } = env();
  const { url } = livekitConfig();
  return {
    publicUrl: publicLiveKitUrl({ LIVEKIT_PUBLIC_URL, LIVEKIT_URL: url }) ?? url,
    serviceUrl: LIVEKIT_SERVICE_URL || url,
  };
}
