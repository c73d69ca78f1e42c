import { z } from 'zod';

import {
  ATTRIBUTES_LIMIT_BYTES,
  byteLength,
  identitySchema,
  metadataSchema,
  roomNameSchema,
} from './rooms';

const participantRef = { roomName: roomNameSchema, identity: identitySchema };

export const trackSidSchema = z.string().min(1, 'Track is required').max(256);

export const muteTrackInputSchema = z.object({
  ...participantRef,
  trackSid: trackSidSchema,
  muted: z.boolean(),
});
export type MuteTrackInput = z.input<typeof muteTrackInputSchema>;

export const requestUnmuteInputSchema = z.object({ ...participantRef, trackSid: trackSidSchema });
export type RequestUnmuteInput = z.input<typeof requestUnmuteInputSchema>;

export const removeParticipantInputSchema = z.object(participantRef);
export type RemoveParticipantInput = z.input<typeof removeParticipantInputSchema>;

export const PUBLISH_SOURCES = [
  'CAMERA',
  'MICROPHONE',
  'SCREEN_SHARE',
  'SCREEN_SHARE_AUDIO',
] as const;

/**
 * LiveKit's permission for a join token without explicit grants (semantics §4.4); used when a
 * participant is reported without a permission.
 */
export const TOKEN_DEFAULT_PERMISSION = {
  canSubscribe: true,
  canPublish: true,
  canPublishData: true,
  canPublishSources: [] as (typeof PUBLISH_SOURCES)[number][],
  hidden: false,
  recorder: false,
  canUpdateMetadata: false,
  agent: false,
  canSubscribeMetrics: false,
  canManageAgentSession: false,
};

/** Every ParticipantPermission field a moderator may set (livekit protocol 1.51). */
export const participantPermissionSchema = z.object({
  canSubscribe: z.boolean(),
  canPublish: z.boolean(),
  canPublishData: z.boolean(),
  /** Empty = every source (still requires canPublish). */
  canPublishSources: z.array(z.enum(PUBLISH_SOURCES)).max(4),
  hidden: z.boolean(),
  recorder: z.boolean(),
  canUpdateMetadata: z.boolean(),
  agent: z.boolean(),
  canSubscribeMetrics: z.boolean(),
  canManageAgentSession: z.boolean(),
});

/**
 * Permission changes are a patch on the participant's current permission: LiveKit replaces the whole
 * set and treats omitted booleans as false (semantics §3.8), so the domain reads the current set and
 * sends it back with only these fields changed.
 */
export const updatePermissionsInputSchema = z.object({
  ...participantRef,
  permission: participantPermissionSchema.partial().refine((p) => Object.keys(p).length > 0, {
    message: 'Change at least one permission',
  }),
});
export type UpdatePermissionsInput = z.input<typeof updatePermissionsInputSchema>;

export const attributesSchema = z
  .record(z.string().min(1, 'Attribute keys cannot be empty').max(256), z.string())
  .refine(
    (attrs) =>
      Object.entries(attrs).reduce((n, [k, v]) => n + byteLength(k) + byteLength(v), 0) <=
      ATTRIBUTES_LIMIT_BYTES,
    'Attributes are at most 64 KiB together',
  );

/**
 * Name, metadata and attributes. LiveKit leaves empty name/metadata unchanged, so they are sent only
 * when given; attributes merge, and a key set to "" is deleted (semantics §3.8).
 */
export const updateParticipantInputSchema = z
  .object({
    ...participantRef,
    name: z
      .string()
      .refine((v) => byteLength(v) <= 256, 'Name is at most 256 bytes')
      .optional(),
    metadata: metadataSchema.optional(),
    attributes: attributesSchema.optional(),
  })
  .refine((v) => v.name !== undefined || v.metadata !== undefined || v.attributes !== undefined, {
    message: 'Nothing to change',
  });
export type UpdateParticipantInput = z.input<typeof updateParticipantInputSchema>;

export const updateSubscriptionsInputSchema = z.object({
  ...participantRef,
  trackSids: z.array(z.string().min(1)).min(1, 'Choose at least one track').max(500),
  subscribe: z.boolean(),
});
export type UpdateSubscriptionsInput = z.input<typeof updateSubscriptionsInputSchema>;

export const moveParticipantInputSchema = z
  .object({ ...participantRef, destinationRoom: roomNameSchema, mode: z.enum(['move', 'forward']) })
  .refine((v) => v.destinationRoom !== v.roomName, {
    message: 'Choose a different room',
    path: ['destinationRoom'],
  });
export type MoveParticipantInput = z.input<typeof moveParticipantInputSchema>;

export const sendDataInputSchema = z
  .object({
    roomName: roomNameSchema,
    payload: z.string().min(1, 'Message is empty'),
    format: z.enum(['text', 'json']).default('text'),
    topic: z.string().trim().max(256).optional(),
    reliable: z.boolean().default(true),
    /** Empty = everyone in the room. */
    destinationIdentities: z.array(identitySchema).max(1000).default([]),
  })
  .refine((v) => byteLength(v.payload) <= 64 * 1024, {
    message: 'Messages are at most 64 KiB',
    path: ['payload'],
  })
  .refine(
    (v) => {
      if (v.format !== 'json') return true;
      try {
        JSON.parse(v.payload);
        return true;
      } catch {
        return false;
      }
    },
    { message: 'Not valid JSON', path: ['payload'] },
  );
export type SendDataInput = z.input<typeof sendDataInputSchema>;
