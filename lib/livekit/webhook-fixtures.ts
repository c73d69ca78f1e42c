import { createHash } from 'node:crypto';

import {
  DisconnectReason,
  EgressInfo,
  ParticipantInfo,
  ParticipantInfo_State,
  Room,
  TrackInfo,
  TrackSource,
  TrackType,
  WebhookEvent,
} from '@livekit/protocol';
import { SignJWT } from 'jose';

/**
 * Test support: webhook deliveries as LiveKit makes them (docs/livekit-behaviour.md §5.2–5.3) —
 * protojson bodies and a bare HS256 JWT with the body's SHA-256 — for the receiver's tests.
 */

export interface SignOptions {
  apiKey: string;
  secret: string;
  /** Seconds since the epoch the token is issued at (default now). */
  iatSeconds?: number;
}

export async function signWebhookBody(body: string, options: SignOptions): Promise<string> {
  const iat = options.iatSeconds ?? Math.floor(Date.now() / 1000);
  return new SignJWT({ sha256: createHash('sha256').update(body, 'utf8').digest('base64') })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(options.apiKey)
    .setIssuedAt(iat)
    .setNotBefore(iat)
    .setExpirationTime(iat + 300)
    .sign(new TextEncoder().encode(options.secret));
}

// Unique across processes too: Playwright's workers post to one dashboard, whose de-duplication
// would take a second worker's event made in the same millisecond for a retry of the first's.
let counter = 0;
const eventId = () =>
  `EV_test${process.pid.toString(36)}x${Date.now().toString(36)}${(counter += 1)}`;

export interface EventOptions {
  roomName?: string;
  roomSid?: string;
  metadata?: string;
  identity?: string;
  participantSid?: string;
  /** Seconds since the epoch (default now). */
  createdAt?: number;
  id?: string;
}

function room(o: EventOptions): Room {
  return new Room({
    sid: o.roomSid ?? 'RM_test',
    name: o.roomName ?? 'standup',
    emptyTimeout: 300,
    departureTimeout: 20,
    creationTime: 1_766_000_000n,
    creationTimeMs: 1_766_000_000_123n,
    metadata: o.metadata ?? '',
    numParticipants: 1,
  });
}

function participant(o: EventOptions, state = ParticipantInfo_State.ACTIVE): ParticipantInfo {
  return new ParticipantInfo({
    sid: o.participantSid ?? 'PA_alice',
    identity: o.identity ?? 'alice',
    name: 'Alice',
    state,
    joinedAt: 1_766_000_005n,
    joinedAtMs: 1_766_000_005_012n,
    version: 3,
  });
}

const mic = () =>
  new TrackInfo({
    sid: 'TR_mic',
    type: TrackType.AUDIO,
    source: TrackSource.MICROPHONE,
    name: 'mic',
  });

function envelope(name: string, o: EventOptions, init: Partial<WebhookEvent>): WebhookEvent {
  return new WebhookEvent({
    ...init,
    event: name,
    id: o.id ?? eventId(),
    createdAt: BigInt(o.createdAt ?? Math.floor(Date.now() / 1000)),
  });
}

/** One LiveKit event of each kind the receiver handles, built like the real server builds them. */
export const webhookEvents = {
  roomStarted: (o: EventOptions = {}) => envelope('room_started', o, { room: room(o) }),
  roomFinished: (o: EventOptions = {}) => envelope('room_finished', o, { room: room(o) }),
  participantJoined: (o: EventOptions = {}) =>
    envelope('participant_joined', o, { room: room(o), participant: participant(o) }),
  participantLeft: (o: EventOptions = {}, reason = DisconnectReason.PARTICIPANT_REMOVED) => {
    const left = participant(o, ParticipantInfo_State.DISCONNECTED);
    left.disconnectReason = reason;
    return envelope('participant_left', o, { room: room(o), participant: left });
  },
  connectionAborted: (o: EventOptions = {}) =>
    envelope('participant_connection_aborted', o, { room: room(o), participant: participant(o) }),
  // Track events carry a trimmed room and participant (§5.1).
  trackPublished: (o: EventOptions = {}) =>
    envelope('track_published', o, {
      room: new Room({ sid: o.roomSid ?? 'RM_test', name: o.roomName ?? 'standup' }),
      participant: new ParticipantInfo({
        sid: o.participantSid ?? 'PA_alice',
        identity: o.identity ?? 'alice',
      }),
      track: mic(),
    }),
  trackUnpublished: (o: EventOptions = {}) =>
    envelope('track_unpublished', o, {
      room: new Room({ sid: o.roomSid ?? 'RM_test', name: o.roomName ?? 'standup' }),
      participant: new ParticipantInfo({
        sid: o.participantSid ?? 'PA_alice',
        identity: o.identity ?? 'alice',
      }),
      track: mic(),
    }),
  egressStarted: (o: EventOptions = {}) =>
    envelope('egress_started', o, {
      room: new Room({ sid: o.roomSid ?? 'RM_test', name: o.roomName ?? 'standup' }),
      egressInfo: new EgressInfo({ egressId: 'EG_1', roomName: o.roomName ?? 'standup' }),
    }),
};

/** The body exactly as LiveKit encodes it: protojson, lowerCamelCase, defaults omitted. */
export function webhookBody(event: WebhookEvent): string {
  return event.toJsonString();
}
