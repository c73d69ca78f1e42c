import type { IncomingMessage } from 'node:http';
import { permissionsDenied } from './errors';
import { hasValidHs256Signature, parseJwt } from './jwt';

/** LiveKit's VideoGrant, JSON names as in tokens (§2.1). */
export interface VideoGrant {
  roomCreate?: boolean;
  roomList?: boolean;
  roomRecord?: boolean;
  roomAdmin?: boolean;
  roomJoin?: boolean;
  room?: string;
  destinationRoom?: string;
  ingressAdmin?: boolean;
  canPublish?: boolean;
  canSubscribe?: boolean;
  canPublishData?: boolean;
  canPublishSources?: string[];
  canUpdateOwnMetadata?: boolean;
  hidden?: boolean;
  recorder?: boolean;
  agent?: boolean;
}

export interface Claims {
  iss: string;
  sub?: string;
  exp?: number;
  nbf?: number;
  video?: VideoGrant;
  [claim: string]: unknown;
}

export type AuthOutcome = { ok: true; claims: Claims | undefined } | { ok: false; message: string };

const LEEWAY_SECONDS = 60;
const CACHE_LIMIT = 10_000;

/**
 * Token validation of the server's API-key middleware (§2.2). Failures are plain-text 401s
 * whose messages reproduce Go jwt v5; "no token" is not an error here (grant checks reject it).
 */
export class Authenticator {
  // Verified tokens by their exact string: the SDK mints identical tokens within one second.
  private readonly verified = new Map<string, Claims>();

  constructor(private readonly keys: Readonly<Record<string, string>>) {}

  authenticate(req: IncomingMessage, url: URL): AuthOutcome {
    const header = req.headers.authorization;
    let token: string | null;
    if (header) {
      if (!header.startsWith('Bearer ')) {
        return { ok: false, message: 'invalid authorization header. Must start with Bearer ' };
      }
      token = header.slice('Bearer '.length);
    } else {
      token = url.searchParams.get('access_token');
    }
    if (!token) return { ok: true, claims: undefined };
    return this.verify(token);
  }

  verify(token: string, nowSeconds = Date.now() / 1000): AuthOutcome {
    let claims = this.verified.get(token);
    if (!claims) {
      const parts = parseJwt(token);
      if (!parts || typeof parts.claims.iss !== 'string') {
        return { ok: false, message: 'invalid authorization token' };
      }
      const secret = this.keys[parts.claims.iss];
      if (secret === undefined) return { ok: false, message: 'invalid API key' };
      if (parts.header.alg !== 'HS256') {
        return invalidToken(
          `token signature is invalid: signing method ${String(parts.header.alg)} is invalid`,
        );
      }
      if (!hasValidHs256Signature(parts, secret)) {
        return invalidToken('token signature is invalid: signature is invalid');
      }
      claims = parts.claims as Claims;
      if (this.verified.size >= CACHE_LIMIT) this.verified.clear();
      this.verified.set(token, claims);
    }
    const claimErrors = timeClaimErrors(claims, nowSeconds);
    if (claimErrors.length > 0) {
      return invalidToken(`token has invalid claims: ${claimErrors.join(', ')}`);
    }
    return { ok: true, claims };
  }
}

const invalidToken = (detail: string): AuthOutcome => ({
  ok: false,
  message: `invalid authorization token: ${detail}`,
});

// jwt v5 validator: `exp` is required by LiveKit's verifier, `nbf` optional, both with leeway.
function timeClaimErrors(claims: Claims, now: number): string[] {
  const errors: string[] = [];
  if (typeof claims.exp !== 'number') {
    errors.push('token is missing required claim: exp claim is required');
  } else if (!(now < claims.exp + LEEWAY_SECONDS)) {
    errors.push('token is expired');
  }
  if (typeof claims.nbf === 'number' && now + LEEWAY_SECONDS < claims.nbf) {
    errors.push('token is not valid yet');
  }
  return errors;
}

// Grant checks (§2.3). Every failure is Twirp 401 `unauthenticated` `permissions denied`.

export function requireRoomCreate(claims: Claims | undefined): void {
  if (!claims?.video?.roomCreate) throw permissionsDenied();
}

export function requireRoomList(claims: Claims | undefined): void {
  if (!claims?.video?.roomList) throw permissionsDenied();
}

export function requireRoomRecord(claims: Claims | undefined): void {
  if (!claims?.video?.roomRecord) throw permissionsDenied();
}

export function requireIngressAdmin(claims: Claims | undefined): void {
  if (!claims?.video?.ingressAdmin) throw permissionsDenied();
}

/** `roomAdmin` only counts for the exact room named in the token. */
export function requireRoomAdmin(claims: Claims | undefined, roomName: string): void {
  const video = claims?.video;
  if (!video?.roomAdmin || (video.room ?? '') !== roomName) throw permissionsDenied();
}

export function requireDestinationAdmin(
  claims: Claims | undefined,
  roomName: string,
  destinationRoom: string,
): void {
  requireRoomAdmin(claims, roomName);
  if ((claims?.video?.destinationRoom ?? '') !== destinationRoom) throw permissionsDenied();
}
