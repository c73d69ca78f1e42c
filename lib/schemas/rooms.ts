import { z } from 'zod';

// Plain-words validation messages for every parse of these schemas (forms included).
import './plain-messages';

/** UTF-8 length: LiveKit limits are in bytes, and this file also runs in the browser (forms). */
export const byteLength = (value: string): number => new TextEncoder().encode(value).length;

/**
 * A string of at most `limit` UTF-8 bytes, as LiveKit counts. `maxLength` (characters, implied by
 * the byte limit) and `x-max-bytes` tell API clients the bound in the OpenAPI document.
 */
export const utf8String = (limit: number, message: string) =>
  z
    .string()
    .max(limit, message)
    // Only where `max` passed: one problem, said once (a byte never holds more than a character).
    .refine((v) => v.length > limit || byteLength(v) <= limit, message)
    .meta({
      description: `At most ${limit.toLocaleString('en')} bytes (UTF-8).`,
      'x-max-bytes': limit,
    });

/** LiveKit limits room names and identities to 256 bytes (docs/livekit-behaviour.md §3). */
export const roomNameSchema = utf8String(256, 'Room name is at most 256 bytes').min(
  1,
  'Room name is required',
);

/** C0 and C1 control characters (line breaks, tabs, NUL, …): invisible in a list, untypeable in a search. */
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * The name of a room being created. LiveKit takes any string up to 256 bytes, but a name that is
 * blank, starts or ends with whitespace, or hides control characters shows up as an invisible or
 * look-alike row that nobody can pick out, search for or type again. Existing rooms are still
 * addressed with `roomNameSchema`, so one created elsewhere with such a name can be moderated.
 */
export const newRoomNameSchema = roomNameSchema
  .refine((v) => v.length === 0 || v.trim().length > 0, 'Room name cannot be only spaces')
  .refine(
    (v) => v.trim().length === 0 || v.trim() === v,
    'Room name cannot start or end with a space',
  )
  .refine(
    (v) => !CONTROL_CHARACTER.test(v),
    'Room name cannot contain line breaks, tabs or other control characters',
  );

export const identitySchema = utf8String(256, 'Identity is at most 256 bytes').min(
  1,
  'Identity is required',
);

export const roomRefInputSchema = z.strictObject({ roomName: roomNameSchema });
export type RoomRefInput = z.infer<typeof roomRefInputSchema>;

export const participantRefInputSchema = z.strictObject({
  roomName: roomNameSchema,
  identity: identitySchema,
});
export type ParticipantRefInput = z.infer<typeof participantRefInputSchema>;

/** LiveKit's default metadata limit (docs/livekit-behaviour.md §3): 512 KiB. */
export const METADATA_LIMIT_BYTES = 524_288;
/** LiveKit's default limit for all attributes of one participant together (keys + values). */
export const ATTRIBUTES_LIMIT_BYTES = 65_536;

export const metadataSchema = utf8String(METADATA_LIMIT_BYTES, 'Metadata is at most 512 KiB');

const seconds = z
  .number()
  .int()
  .min(0)
  .max(7 * 24 * 3600);

export const agentDispatchInputSchema = z.strictObject({
  agentName: z.string().trim().min(1, 'Agent name is required').max(256),
  metadata: z.string().max(65_536).default(''),
});

export const createRoomInputSchema = z.strictObject({
  roomName: newRoomNameSchema,
  /** Seconds to keep an empty room open; 0 = the server's default (300 s on LiveKit). */
  emptyTimeout: seconds.default(0),
  /** Seconds to keep the room after the last participant left; 0 = server default (20 s). */
  departureTimeout: seconds.default(0),
  /** 0 = unlimited. */
  maxParticipants: z.number().int().min(0).max(100_000).default(0),
  nodeId: z.string().trim().max(256).default(''),
  metadata: metadataSchema.default(''),
  minPlayoutDelay: z.number().int().min(0).max(10_000).default(0),
  maxPlayoutDelay: z.number().int().min(0).max(10_000).default(0),
  syncStreams: z.boolean().default(false),
  agents: z.array(agentDispatchInputSchema).max(20).default([]),
});
export type CreateRoomInput = z.input<typeof createRoomInputSchema>;
export type CreateRoomOptions = z.output<typeof createRoomInputSchema>;

export const updateRoomMetadataInputSchema = z.strictObject({
  roomName: roomNameSchema,
  /** Empty clears the metadata (unlike participant metadata, docs/livekit-behaviour.md §3.11). */
  metadata: metadataSchema,
});
export type UpdateRoomMetadataInput = z.input<typeof updateRoomMetadataInputSchema>;
