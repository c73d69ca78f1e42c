/**
 * Plain JSON shapes the domain returns. Never an SDK class: protobuf-es int64 fields are bigint,
 * which JSON cannot carry. Times are epoch milliseconds. Universal (types only) so client code can use them.
 */
import type { Role } from '@/lib/policy/permissions';

export type TrackType = 'AUDIO' | 'VIDEO' | 'DATA';
export type TrackSource =
  'UNKNOWN' | 'CAMERA' | 'MICROPHONE' | 'SCREEN_SHARE' | 'SCREEN_SHARE_AUDIO';
export type ParticipantState = 'JOINING' | 'JOINED' | 'ACTIVE' | 'DISCONNECTED';
export type ParticipantKind =
  'STANDARD' | 'INGRESS' | 'EGRESS' | 'SIP' | 'AGENT' | 'CONNECTOR' | 'BRIDGE';

export interface RoomDto {
  sid: string;
  name: string;
  emptyTimeout: number;
  departureTimeout: number;
  maxParticipants: number;
  creationTimeMs: number;
  metadata: string;
  numParticipants: number;
  numPublishers: number;
  activeRecording: boolean;
  /** `auth_id` read from the room's JSON metadata, if any. */
  tenant: string | null;
}

export interface VideoLayerDto {
  quality: 'LOW' | 'MEDIUM' | 'HIGH' | 'OFF';
  width: number;
  height: number;
  bitrate: number;
}

export interface TrackDto {
  sid: string;
  type: TrackType;
  source: TrackSource;
  name: string;
  muted: boolean;
  simulcast: boolean;
  width: number;
  height: number;
  mimeType: string;
  layers: VideoLayerDto[];
}

export interface ParticipantPermissionDto {
  canSubscribe: boolean;
  canPublish: boolean;
  canPublishData: boolean;
  /** Empty = every source allowed (still requires canPublish). */
  canPublishSources: Exclude<TrackSource, 'UNKNOWN'>[];
  hidden: boolean;
  recorder: boolean;
  canUpdateMetadata: boolean;
  agent: boolean;
  canSubscribeMetrics: boolean;
  canManageAgentSession: boolean;
}

export interface ParticipantDto {
  sid: string;
  identity: string;
  name: string;
  state: ParticipantState;
  kind: ParticipantKind;
  kindDetails: string[];
  joinedAtMs: number;
  metadata: string;
  attributes: Record<string, string>;
  permission: ParticipantPermissionDto | null;
  isPublisher: boolean;
  region: string;
  version: number;
  tracks: TrackDto[];
}

/** What the dashboard knows about its LiveKit connection; drives the error banner. */
export interface LiveKitStatusDto {
  state: 'ok' | 'not_configured' | 'unreachable' | 'unauthorized' | 'error';
  /** Host of LIVEKIT_URL (never the key or secret). */
  host: string | null;
  message: string;
  checkedAtMs: number;
  /** Learnt from the server's answers; Move/Forward need LiveKit Cloud. */
  capabilities: { moveParticipant: 'supported' | 'unsupported' | 'unknown' };
}

export type AuditOutcome = 'success' | 'denied' | 'error';
export type AuditSource = 'ui' | 'api' | 'embed' | 'cli' | 'system';

export interface AuditEventDto {
  id: string;
  atMs: number;
  actorId: string | null;
  actorName: string;
  role: string | null;
  tenant: string | null;
  action: string;
  roomName: string | null;
  identity: string | null;
  trackSid: string | null;
  params: Record<string, unknown> | null;
  outcome: AuditOutcome;
  errorCode: string | null;
  source: AuditSource;
}

export type UserProvider = 'local' | 'oidc';

/** A dashboard account as the Users page sees it. Never carries a password or its hash. */
export interface UserDto {
  id: string;
  username: string;
  name: string;
  role: Role;
  /** Tenant `auth_id` the user is bound to; null = sees every room. */
  tenant: string | null;
  provider: UserProvider;
  disabled: boolean;
  createdAtMs: number;
  lastSignInAtMs: number | null;
}

/** The answer of create and reset-password: `password` is the generated one, shown once. */
export interface UserPasswordDto {
  user: UserDto;
  /** Null when the admin chose the password (we never echo it back). */
  password: string | null;
}
