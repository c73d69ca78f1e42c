import 'server-only';

import { createHash } from 'node:crypto';

import { DisconnectReason } from '@livekit/protocol';
import { TokenVerifier, WebhookEvent } from 'livekit-server-sdk';

import type { ParticipantDto, TrackDto } from '@/lib/contracts/dto';
import { LEAVE_REASONS, type LeaveReason } from '@/lib/contracts/live-events';
import { env } from '@/lib/env';

import { toParticipantDto, toRoomDto, toTrackDto, type LiveKitRoom } from './to-dto';

/**
 * LiveKit's webhooks, verified and turned into Moderato's vocabulary. The only place that checks
 * them, as the SDK's `WebhookReceiver` does (docs/livekit-behaviour.md §5.5): the JWT in
 * `Authorization` (HS256 with our API secret, `iss` = our API key, not expired) and the SHA-256
 * of the exact body bytes.
 * This adapter knows nothing of tenants or the bus: lib/live adds the tenant and publishes.
 */

/**
 * Replay bound: an event created longer ago than this is refused even with a valid signature.
 * LiveKit signs each delivery with a token valid for 5 minutes and gives up retrying well within
 * that (4 retries, 1 s → 30 s backoff, 30 s queue wait; §5.4), so nothing legitimate is older. A
 * captured delivery replayed later is refused here, and within the bound by its event id.
 */
export const WEBHOOK_MAX_AGE_MS = 5 * 60_000;
/** Clock skew tolerated for events dated in the future (LiveKit's clock ahead of ours). */
export const WEBHOOK_MAX_SKEW_MS = 60_000;

/** What changed, before lib/live adds the tenant and envelope (LiveEvent without them). */
export type WebhookChange =
  | { type: 'room.started'; room: LiveKitRoom }
  | { type: 'room.finished'; roomSid: string }
  | { type: 'participant.joined'; participant: ParticipantDto }
  | { type: 'participant.left'; identity: string; participantSid: string; reason: LeaveReason }
  | {
      type: 'track.published' | 'track.unpublished';
      identity: string;
      participantSid: string;
      track: TrackDto;
    };

export interface VerifiedWebhook {
  /** LiveKit's event id (`EV_…`): the same on every retry of one delivery. */
  id: string;
  /** LiveKit's event name, e.g. `participant_joined`. */
  event: string;
  roomName: string | null;
  /** When LiveKit created the event (its `createdAt`, seconds → ms); null when absent. */
  createdAtMs: number | null;
  /**
   * The room's metadata when the webhook carried the full room (room and participant events);
   * null when it carried only `{sid, name}` (track events, §5.1), so the tenant must come from
   * what Moderato already knows of the room.
   */
  roomMetadata: string | null;
  /** Empty for events Moderato does not show (egress, ingress, agent jobs). */
  changes: WebhookChange[];
}

/** Why a delivery was refused; each answers 401 and publishes nothing. */
export type WebhookRefusal =
  'unsigned' | 'wrong_key' | 'bad_signature' | 'expired' | 'body_altered' | 'malformed' | 'too_old';

export type WebhookVerification =
  { ok: true; webhook: VerifiedWebhook } | { ok: false; refusal: WebhookRefusal; message: string };

/**
 * The SDK's `WebhookReceiver.receive`, step for step (livekit-server-sdk's WebhookReceiver.ts):
 * its `TokenVerifier` checks the JWT (jose: HMAC with our API secret, `iss` = our API key, `exp`
 * required, its 10 s clock tolerance), then the SHA-256 of the body must equal the token's
 * `sha256` claim, then the body is parsed into the SDK's `WebhookEvent`, unknown fields ignored.
 * Same checks, same errors (`refusalOf` reads them). One difference, in how and not what: the
 * body's hash is node:crypto's synchronous SHA-256, where the SDK asks WebCrypto (a thread-pool
 * round trip) and base64-encodes the digest byte by byte; that was most of the ~95 µs of CPU the
 * SDK's check cost per delivery, against ~25 µs now (docs/ARCHITECTURE.md, "Live").
 */
class WebhookVerifier {
  private readonly tokens: TokenVerifier;

  constructor(apiKey: string, apiSecret: string) {
    this.tokens = new TokenVerifier(apiKey, apiSecret);
  }

  async receive(body: string, authHeader: string): Promise<WebhookEvent> {
    if (!authHeader) throw new Error('authorization header is empty');
    const claims = await this.tokens.verify(authHeader);
    const hash = createHash('sha256').update(body, 'utf8').digest('base64');
    if (claims.sha256 !== hash) throw new Error('sha256 checksum of body does not match');
    return WebhookEvent.fromJson(JSON.parse(body), { ignoreUnknownFields: true });
  }
}

/** One verifier per key and secret: made again only when the configuration changes (tests). */
let cached: { apiKey: string; apiSecret: string; verifier: WebhookVerifier } | undefined;

function verifier(apiKey: string, apiSecret: string): WebhookVerifier {
  if (cached?.apiKey !== apiKey || cached.apiSecret !== apiSecret) {
    cached = { apiKey, apiSecret, verifier: new WebhookVerifier(apiKey, apiSecret) };
  }
  return cached.verifier;
}

/**
 * Verifies one delivery: `body` must be the raw text exactly as received (the hash covers its
 * bytes), `authorization` the header as sent (a bare JWT, no `Bearer `).
 */
export async function verifyWebhook(
  body: string,
  authorization: string | null,
  nowMs: number = Date.now(),
): Promise<WebhookVerification> {
  if (!authorization) {
    return refuse('unsigned', 'The delivery carries no Authorization header.');
  }
  const { LIVEKIT_API_KEY, LIVEKIT_API_SECRET } = env();
  if (!LIVEKIT_API_KEY || !LIVEKIT_API_SECRET) {
    return refuse('wrong_key', 'Moderato has no LiveKit API key to verify webhooks with.');
  }
  let event: WebhookEvent;
  try {
    event = await verifier(LIVEKIT_API_KEY, LIVEKIT_API_SECRET).receive(body, authorization);
  } catch (err) {
    return refusalOf(err);
  }
  const createdAtMs = event.createdAt > 0n ? Number(event.createdAt) * 1000 : null;
  if (createdAtMs !== null && createdAtMs < nowMs - WEBHOOK_MAX_AGE_MS) {
    return refuse('too_old', 'The event is older than 5 minutes (a replay?).');
  }
  if (createdAtMs !== null && createdAtMs > nowMs + WEBHOOK_MAX_SKEW_MS) {
    return refuse('too_old', 'The event is dated in the future: check the servers’ clocks.');
  }
  if (!event.id) return refuse('malformed', 'The event has no id.');
  return { ok: true, webhook: toVerifiedWebhook(event, createdAtMs) };
}

function refuse(refusal: WebhookRefusal, message: string): WebhookVerification {
  return { ok: false, refusal, message };
}

/** The SDK's and jose's errors (§5.5), in words an operator can act on. */
function refusalOf(err: unknown): WebhookVerification {
  const message = err instanceof Error ? err.message : String(err);
  const code = (err as { code?: unknown } | null)?.code;
  if (message === 'authorization header is empty') {
    return refuse('unsigned', 'The delivery carries no Authorization header.');
  }
  if (message.startsWith('sha256 checksum')) {
    return refuse('body_altered', 'The body does not match its signature (altered in transit?).');
  }
  if (code === 'ERR_JWT_EXPIRED' || code === 'ERR_JWT_NOT_BEFORE' || /"(iat|nbf)"/.test(message)) {
    return refuse(
      'expired',
      'The signature has expired or is not valid yet (a replay, or clocks apart).',
    );
  }
  if (code === 'ERR_JWT_CLAIM_VALIDATION_FAILED' && message.includes('"iss"')) {
    return refuse(
      'wrong_key',
      'Signed with another API key: set webhook.api_key to Moderato’s key.',
    );
  }
  if (code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED') {
    return refuse('wrong_key', 'The signature does not match Moderato’s API secret.');
  }
  if (err instanceof SyntaxError || code === undefined) {
    // JSON.parse or protobuf decoding after a valid signature: LiveKit sent something unexpected.
    return refuse('malformed', 'The body is not a LiveKit webhook event.');
  }
  return refuse('bad_signature', 'The Authorization header is not a valid LiveKit signature.');
}

function toVerifiedWebhook(event: WebhookEvent, createdAtMs: number | null): VerifiedWebhook {
  const room = event.room;
  // Room and participant events carry the whole room; with enable_full_room_in_webhooks track
  // events do too, which a creation time shows (a trimmed room is only {sid, name}).
  const fullRoom =
    room !== undefined && (FULL_ROOM_EVENTS.has(event.event) || room.creationTime > 0n);
  return {
    id: event.id,
    event: event.event,
    roomName: room?.name || null,
    createdAtMs,
    roomMetadata: fullRoom ? room.metadata : null,
    changes: room?.name ? changesOf(event) : [],
  };
}

const FULL_ROOM_EVENTS = new Set([
  'room_started',
  'room_finished',
  'participant_joined',
  'participant_left',
  'participant_connection_aborted',
]);

/** The mapping of docs/livekit-behaviour.md §5.1; events without what they need map to nothing. */
export function changesOf(event: WebhookEvent): WebhookChange[] {
  const { room, participant, track } = event;
  if (!room) return [];
  switch (event.event) {
    case 'room_started':
      return [{ type: 'room.started', room: toRoomDto(room) }];
    case 'room_finished':
      return room.sid ? [{ type: 'room.finished', roomSid: room.sid }] : [];
    case 'participant_joined':
      return participant?.identity
        ? [{ type: 'participant.joined', participant: toParticipantDto(participant) }]
        : [];
    case 'participant_left':
    case 'participant_connection_aborted':
      return participant?.identity
        ? [
            {
              type: 'participant.left',
              identity: participant.identity,
              participantSid: participant.sid,
              reason: leaveReason(participant.disconnectReason),
            },
          ]
        : [];
    case 'track_published':
    case 'track_unpublished':
      return participant?.identity && track?.sid
        ? [
            {
              type: event.event === 'track_published' ? 'track.published' : 'track.unpublished',
              identity: participant.identity,
              participantSid: participant.sid,
              track: toTrackDto(track),
            },
          ]
        : [];
    default:
      // egress_*, ingress_*, agent_job_*: not part of the live room view.
      return [];
  }
}

function leaveReason(reason: DisconnectReason): LeaveReason {
  const name = DisconnectReason[reason] as string | undefined;
  return (LEAVE_REASONS as readonly string[]).includes(name ?? '')
    ? (name as LeaveReason)
    : 'UNKNOWN_REASON';
}
