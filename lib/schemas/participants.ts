import { z } from 'zod';

import { CONSENT_REQUESTS } from '@/lib/contracts/consent';
import { participantPermissionSchema } from '@/lib/contracts/participant-permission';

import {
  ATTRIBUTES_LIMIT_BYTES,
  byteLength,
  identitySchema,
  metadataSchema,
  roomNameSchema,
  utf8String,
} from './rooms';

const participantRef = { roomName: roomNameSchema, identity: identitySchema };

export const trackSidSchema = z.string().min(1, 'Track is required').max(256);

export const muteTrackInputSchema = z.strictObject({
  ...participantRef,
  trackSid: trackSidSchema,
  muted: z.boolean(),
});
export type MuteTrackInput = z.input<typeof muteTrackInputSchema>;

export const requestUnmuteInputSchema = z.strictObject({
  ...participantRef,
  trackSid: trackSidSchema,
});
export type RequestUnmuteInput = z.input<typeof requestUnmuteInputSchema>;

export const requestCameraInputSchema = z.strictObject(participantRef);
export type RequestCameraInput = z.input<typeof requestCameraInputSchema>;

/** A participant's answer to a consent request, as their app sent it (CONSENT_ANSWER_TOPIC). */
export const recordConsentAnswerInputSchema = z.strictObject({
  ...participantRef,
  requestId: z.string().min(1, 'Request id is required').max(64),
  request: z.enum(CONSENT_REQUESTS),
  accepted: z.boolean(),
});
export type RecordConsentAnswerInput = z.input<typeof recordConsentAnswerInputSchema>;

export const removeParticipantInputSchema = z.strictObject(participantRef);
export type RemoveParticipantInput = z.input<typeof removeParticipantInputSchema>;

/**
 * Permission changes are a patch on the participant's current permission: LiveKit replaces the whole
 * set and treats omitted booleans as false (docs/livekit-behaviour.md §3.8), so the domain reads the current set and
 * sends it back with only these fields changed.
 */
export const updatePermissionsInputSchema = z.strictObject({
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
  )
  .meta({
    description: `Keys and values together at most ${ATTRIBUTES_LIMIT_BYTES.toLocaleString('en')} bytes (UTF-8); a value of "" deletes the key.`,
  });

/**
 * Name, metadata and attributes. LiveKit leaves empty name/metadata unchanged, so they are sent only
 * when given; attributes merge, and a key set to "" is deleted (docs/livekit-behaviour.md §3.8).
 */
export const updateParticipantInputSchema = z
  .strictObject({
    ...participantRef,
    name: utf8String(256, 'Name is at most 256 bytes').optional(),
    metadata: metadataSchema.optional(),
    attributes: attributesSchema.optional(),
  })
  .refine((v) => v.name !== undefined || v.metadata !== undefined || v.attributes !== undefined, {
    message: 'Nothing to change: give a name, metadata or attributes',
  });
export type UpdateParticipantInput = z.input<typeof updateParticipantInputSchema>;

export const updateSubscriptionsInputSchema = z.strictObject({
  ...participantRef,
  trackSids: z.array(z.string().min(1)).min(1, 'Choose at least one track').max(500),
  subscribe: z.boolean(),
});
export type UpdateSubscriptionsInput = z.input<typeof updateSubscriptionsInputSchema>;

export const moveParticipantInputSchema = z
  .strictObject({
    ...participantRef,
    destinationRoom: roomNameSchema,
    mode: z.enum(['move', 'forward']),
  })
  .refine((v) => v.destinationRoom !== v.roomName, {
    message: 'Destination room must be another room than the one they are in',
    path: ['destinationRoom'],
  });
export type MoveParticipantInput = z.input<typeof moveParticipantInputSchema>;

export const sendDataInputSchema = z
  .strictObject({
    roomName: roomNameSchema,
    payload: utf8String(64 * 1024, 'Message must be at most 64 KiB').min(1, 'Message is empty'),
    format: z.enum(['text', 'json']).default('text'),
    topic: z.string().trim().max(256).optional(),
    reliable: z.boolean().default(true),
    /** Empty = everyone in the room. */
    destinationIdentities: z.array(identitySchema).max(1000).default([]),
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
    { message: 'Message is not valid JSON', path: ['payload'] },
  );
export type SendDataInput = z.input<typeof sendDataInputSchema>;
