import { z } from 'zod';

import { AUDIT_OUTCOMES, AUDIT_SOURCES } from './audit';
import { participantPermissionSchema } from './participant-permission';
import { ROLES } from './permissions';
import {
  PARTICIPANT_KINDS,
  PARTICIPANT_STATES,
  TRACK_SOURCES,
  TRACK_TYPES,
  VIDEO_QUALITIES,
} from './tracks';

/**
 * The plain JSON shapes every door returns, as zod schemas: the TypeScript types, the OpenAPI
 * document and the API tests' response checks all derive from them. Never an SDK class: protobuf-es
 * int64 fields are bigint, which JSON cannot carry. Times are epoch milliseconds.
 */

const ms = z.number().int().describe('Epoch milliseconds');

export const roomSchema = z
  .object({
    sid: z.string(),
    name: z.string(),
    emptyTimeout: z.number().int(),
    departureTimeout: z.number().int(),
    maxParticipants: z.number().int(),
    creationTimeMs: ms,
    metadata: z.string(),
    numParticipants: z.number().int(),
    numPublishers: z.number().int(),
    activeRecording: z.boolean(),
    /** `auth_id` read from the room's JSON metadata, if any. */
    tenant: z.string().nullable().describe('The `auth_id` of the room’s JSON metadata, if any.'),
  })
  .meta({ id: 'Room' });
export type RoomDto = z.infer<typeof roomSchema>;

export const videoLayerSchema = z
  .object({
    quality: z.enum(VIDEO_QUALITIES),
    width: z.number().int(),
    height: z.number().int(),
    bitrate: z.number().int(),
  })
  .meta({ id: 'VideoLayer' });
export type VideoLayerDto = z.infer<typeof videoLayerSchema>;

export const trackSchema = z
  .object({
    sid: z.string(),
    type: z.enum(TRACK_TYPES),
    source: z.enum(TRACK_SOURCES),
    name: z.string(),
    muted: z.boolean(),
    simulcast: z.boolean(),
    width: z.number().int(),
    height: z.number().int(),
    mimeType: z.string(),
    layers: z.array(videoLayerSchema),
  })
  .meta({ id: 'Track' });
export type TrackDto = z.infer<typeof trackSchema>;

export const participantPermissionDtoSchema = participantPermissionSchema.meta({
  id: 'ParticipantPermission',
});

export const participantSchema = z
  .object({
    sid: z.string(),
    identity: z.string(),
    name: z.string(),
    state: z.enum(PARTICIPANT_STATES),
    kind: z.enum(PARTICIPANT_KINDS),
    kindDetails: z.array(z.string()),
    joinedAtMs: ms,
    metadata: z.string(),
    attributes: z.record(z.string(), z.string()),
    permission: participantPermissionDtoSchema.nullable(),
    isPublisher: z.boolean(),
    region: z.string(),
    version: z.number().int(),
    tracks: z.array(trackSchema),
  })
  .meta({ id: 'Participant' });
export type ParticipantDto = z.infer<typeof participantSchema>;

export const CAPABILITY_STATES = ['supported', 'unsupported', 'unknown'] as const;

/** What the dashboard knows about its LiveKit connection; drives the error banner. */
export const livekitStatusSchema = z
  .object({
    state: z.enum(['ok', 'not_configured', 'unreachable', 'unauthorized', 'error']),
    /** Host of LIVEKIT_URL (never the key or secret). */
    host: z.string().nullable(),
    message: z.string(),
    checkedAtMs: ms,
    /** Learnt from the server's answers; Move/Forward need LiveKit Cloud. */
    capabilities: z.object({ moveParticipant: z.enum(CAPABILITY_STATES) }),
  })
  .meta({ id: 'LiveKitStatus' });
export type LiveKitStatusDto = z.infer<typeof livekitStatusSchema>;

export const auditEventSchema = z
  .object({
    id: z.string(),
    atMs: ms,
    actorId: z.string().nullable(),
    actorName: z.string(),
    role: z.string().nullable(),
    tenant: z.string().nullable(),
    action: z.string(),
    roomName: z.string().nullable(),
    identity: z.string().nullable(),
    trackSid: z.string().nullable(),
    params: z.record(z.string(), z.unknown()).nullable(),
    outcome: z.enum(AUDIT_OUTCOMES),
    errorCode: z.string().nullable(),
    source: z.enum(AUDIT_SOURCES),
  })
  .meta({ id: 'AuditEvent' });
export type AuditEventDto = z.infer<typeof auditEventSchema>;

export const auditPageSchema = z
  .object({ events: z.array(auditEventSchema), nextCursor: z.string().nullable() })
  .meta({ id: 'AuditPage' });
export type AuditPageDto = z.infer<typeof auditPageSchema>;

export const USER_PROVIDERS = ['local', 'oidc'] as const;
export type UserProvider = (typeof USER_PROVIDERS)[number];

/** A dashboard account as the Users page sees it. Never carries a password or its hash. */
export const userSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    name: z.string(),
    role: z.enum(ROLES),
    /** Tenant `auth_id` the user is bound to; null = sees every room. */
    tenant: z.string().nullable(),
    provider: z.enum(USER_PROVIDERS),
    disabled: z.boolean(),
    createdAtMs: ms,
    lastSignInAtMs: ms.nullable(),
  })
  .meta({ id: 'User' });
export type UserDto = z.infer<typeof userSchema>;

/** The answer of create and reset-password: `password` is the generated one, shown once. */
export const userPasswordSchema = z
  .object({
    user: userSchema,
    /** Null when the admin chose the password (we never echo it back). */
    password: z.string().nullable().describe('The generated password, shown once; null if chosen.'),
  })
  .meta({ id: 'UserWithPassword' });
export type UserPasswordDto = z.infer<typeof userPasswordSchema>;

export type { ParticipantKind, ParticipantState, TrackSource, TrackType } from './tracks';
export type { ParticipantPermissionDto } from './participant-permission';
export type { AuditOutcome, AuditSource } from './audit';

/** What the webhook receiver did with one delivery (issue 10, webhook health). */
export const WEBHOOK_OUTCOMES = ['accepted', 'duplicate', 'stale', 'refused'] as const;
export type WebhookOutcome = (typeof WEBHOOK_OUTCOMES)[number];
/** `never_received`: no good delivery yet; `missing`: reconciliation keeps finding missed events. */
export const WEBHOOK_STATES = ['healthy', 'never_received', 'missing'] as const;
export type WebhookState = (typeof WEBHOOK_STATES)[number];

export const webhookDeliverySchema = z
  .object({
    atMs: ms,
    /** LiveKit's event id (`EV_…`); null when the delivery was refused before it could be read. */
    eventId: z.string().nullable(),
    /** LiveKit's event name (`participant_joined`…); null when refused unread. */
    event: z.string().nullable(),
    roomName: z.string().nullable(),
    outcome: z.enum(WEBHOOK_OUTCOMES),
    /** Why it was refused, stale or a duplicate; null when accepted. */
    reason: z.string().nullable(),
  })
  .meta({ id: 'WebhookDelivery' });
export type WebhookDeliveryDto = z.infer<typeof webhookDeliverySchema>;

export const webhookHealthSchema = z
  .object({
    state: z.enum(WEBHOOK_STATES),
    message: z.string(),
    /** Path LiveKit must POST to, relative to the dashboard's public URL. */
    receiverPath: z.string(),
    /** The absolute receiver URL when the public URL is configured (NEXTAUTH_URL), else null. */
    receiverUrl: z.string().nullable(),
    /** The port this instance also receives webhooks on (MODERATO_WEBHOOK_PORT), else null. */
    dedicatedPort: z.number().int().nullable(),
    /** The API key LiveKit must sign webhooks with (`webhook.api_key`); never the secret. */
    apiKey: z.string(),
    lastGoodAtMs: ms.nullable(),
    /** Events reconciliation found that webhooks should have delivered, recent window. */
    recentMissed: z.number().int(),
    counts: z.object({
      accepted: z.number().int(),
      duplicate: z.number().int(),
      stale: z.number().int(),
      refused: z.number().int(),
      missed: z.number().int(),
    }),
    /** Newest first. */
    deliveries: z.array(webhookDeliverySchema),
    /** Shared by every instance (Redis) or only this one's. */
    scope: z.enum(['deployment', 'instance']),
  })
  .meta({ id: 'WebhookHealth' });
export type WebhookHealthDto = z.infer<typeof webhookHealthSchema>;
