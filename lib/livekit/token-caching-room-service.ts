import 'server-only';

import { RoomServiceClient, type VideoGrant } from 'livekit-server-sdk';

/** The SDK signs tokens valid for 10 minutes; a cached one is reused for at most half of that. */
const REUSE_MS = 5 * 60_000;
const MAX_ENTRIES = 5_000;

/**
 * RoomServiceClient that reuses its signed server-API tokens. The SDK signs a fresh JWT for every
 * call (one HMAC plus JSON work on the hot path of every moderator action); a token for the same
 * grant (e.g. roomAdmin on one room) is identical in effect, so it is kept per grant for a few
 * minutes, well inside its validity. Tokens never leave this process.
 */
export class TokenCachingRoomServiceClient extends RoomServiceClient {
  private readonly tokens = new Map<string, { at: number; header: Record<string, string> }>();

  override async authHeader(grant: VideoGrant, sip?: unknown): Promise<Record<string, string>> {
    if (sip) return super.authHeader(grant, sip as never);
    const key = JSON.stringify(grant);
    const now = Date.now();
    const hit = this.tokens.get(key);
    if (hit && now - hit.at < REUSE_MS) return hit.header;
    const header = await super.authHeader(grant);
    if (this.tokens.size >= MAX_ENTRIES) this.tokens.clear();
    this.tokens.set(key, { at: now, header });
    return header;
  }
}
