import {
  ParticipantInfo_Kind,
  ParticipantPermission,
  TrackSource,
  type JoinRequest,
} from '@livekit/protocol';
import type { Claims, VideoGrant } from '../auth';
import { LIMITS, byteLength } from '../services/deps';
import { decodeJoinRequest } from './join-request';
import { NO_ROOM_PERMISSION, PERMISSIONS_DENIED, RtcRefusal } from './refusal';

/*
 * The checks both signal paths run before a participant may join, in the real server's order
 * (`validateInternal` and `ValidateConnectRequest`, livekit/livekit pkg/service/rtcservice.go and
 * pkg/service/utils.go). `/rtc/validate` and `/rtc/v1/validate` run exactly these and answer
 * "success"; a refusal is plain text with its status.
 */

const MAX_IDENTITY_LENGTH = 256;

export interface ConnectRequest {
  roomName: string;
  identity: string;
  name: string;
  metadata: string;
  attributes: Record<string, string>;
  kind: ParticipantInfo_Kind;
  permission: ParticipantPermission;
  /** `/rtc/v1` only: the client's join request (with its first publisher offer). */
  joinRequest: JoinRequest | undefined;
  /** The client asks to resume an earlier session (`reconnect=1` or JoinRequest.reconnect). */
  reconnect: boolean;
  autoSubscribe: boolean;
  /**
   * The client's signal protocol version (`protocol` on `/rtc`, ClientInfo on `/rtc/v1`; 0 when
   * absent, like Go's ParseClientInfo). Older clients, which use `/rtc`, get older message forms.
   */
  protocol: number;
  /** The verified claims, kept to mint the destination token on a Cloud move. */
  claims: Claims;
}

export function validateConnect(
  claims: Claims | undefined,
  query: URLSearchParams,
  singlePeerConnection: boolean,
  strict: boolean,
): ConnectRequest {
  const video = claims?.video;
  if (!claims || !video) throw new RtcRefusal(401, NO_ROOM_PERMISSION);

  let joinRequest: JoinRequest | undefined;
  let metadata = '';
  let attributes: Record<string, string> = {};
  const wrapped = query.get('join_request');
  if (!wrapped) {
    if (singlePeerConnection) throw new RtcRefusal(400, 'join_request is required');
    const encoded = query.get('attributes');
    if (encoded) {
      const decoded = decodeAttributes(encoded);
      if (!decoded && strict) throw new RtcRefusal(400, 'cannot decode attributes');
      attributes = decoded ?? {};
    }
  } else {
    joinRequest = decodeJoinRequest(wrapped);
    metadata = joinRequest.metadata;
    attributes = { ...joinRequest.participantAttributes };
  }

  // ValidateConnectRequest
  if (!video.roomJoin) throw new RtcRefusal(401, PERMISSIONS_DENIED);
  const identity = claims.sub ?? '';
  if (!identity) throw new RtcRefusal(400, 'identity cannot be empty');
  if (byteLength(identity) > MAX_IDENTITY_LENGTH) {
    throw new RtcRefusal(
      400,
      `participant identity length exceeds limits: max length ${MAX_IDENTITY_LENGTH}`,
    );
  }
  const roomName = video.room ?? '';
  if (!roomName) throw new RtcRefusal(400, 'no room name');
  if (byteLength(roomName) > LIMITS.roomName) {
    throw new RtcRefusal(400, `room name length exceeds limits: max length ${LIMITS.roomName}`);
  }
  // A client may only bring its own metadata or attributes with canUpdateOwnMetadata.
  const hasAttributes = Object.keys(attributes).length > 0;
  if ((metadata || hasAttributes) && !video.canUpdateOwnMetadata) {
    throw new RtcRefusal(401, NO_ROOM_PERMISSION);
  }

  const tokenAttributes = isStringRecord(claims.attributes) ? claims.attributes : {};
  const merged = { ...tokenAttributes };
  // Empty values may not delete attributes the token set.
  for (const [key, value] of Object.entries(attributes)) if (value !== '') merged[key] = value;

  const autoSubscribe = joinRequest
    ? (joinRequest.connectionSettings?.autoSubscribe ?? false)
    : query.get('auto_subscribe') === null || isTrue(query.get('auto_subscribe'));

  return {
    roomName,
    identity,
    name: typeof claims.name === 'string' ? claims.name : '',
    metadata: metadata || (typeof claims.metadata === 'string' ? claims.metadata : ''),
    attributes: merged,
    kind: kindOf(claims.kind),
    permission: permissionOf(video),
    joinRequest,
    reconnect: joinRequest ? joinRequest.reconnect : isTrue(query.get('reconnect')),
    autoSubscribe,
    protocol: joinRequest
      ? (joinRequest.clientInfo?.protocol ?? 0)
      : Number.parseInt(query.get('protocol') ?? '', 10) || 0,
    claims,
  };
}

/** VideoGrant → ParticipantPermission with the grant defaults of §2.1 (`ToPermission`). */
export function permissionOf(video: VideoGrant): ParticipantPermission {
  const canPublish = video.canPublish ?? true;
  return new ParticipantPermission({
    canPublish,
    canSubscribe: video.canSubscribe ?? true,
    canPublishData: video.canPublishData ?? canPublish,
    canPublishSources: (video.canPublishSources ?? []).map(sourceOf),
    canUpdateMetadata: video.canUpdateOwnMetadata ?? false,
    hidden: video.hidden ?? false,
    recorder: video.recorder ?? false,
    agent: video.agent ?? false,
  });
}

const SOURCES: Record<string, TrackSource> = {
  camera: TrackSource.CAMERA,
  microphone: TrackSource.MICROPHONE,
  screen_share: TrackSource.SCREEN_SHARE,
  screen_share_audio: TrackSource.SCREEN_SHARE_AUDIO,
};
const sourceOf = (name: string): TrackSource => SOURCES[name] ?? TrackSource.UNKNOWN;

const KINDS: Record<string, ParticipantInfo_Kind> = {
  standard: ParticipantInfo_Kind.STANDARD,
  ingress: ParticipantInfo_Kind.INGRESS,
  egress: ParticipantInfo_Kind.EGRESS,
  sip: ParticipantInfo_Kind.SIP,
  agent: ParticipantInfo_Kind.AGENT,
  connector: ParticipantInfo_Kind.CONNECTOR,
  bridge: ParticipantInfo_Kind.BRIDGE,
};
const kindOf = (kind: unknown): ParticipantInfo_Kind =>
  (typeof kind === 'string' && KINDS[kind]) || ParticipantInfo_Kind.STANDARD;

// Go's boolValue: only "1" and "true" are true.
const isTrue = (value: string | null): boolean => value === '1' || value === 'true';

function decodeAttributes(encoded: string): Record<string, string> | undefined {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
    return isStringRecord(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((v) => typeof v === 'string')
  );
}
