import { z } from 'zod';

import {
  JOIN_LINK_PLACEHOLDERS,
  VIDEO_GRANT_FIELDS,
  VIDEO_GRANT_FLAG_KEYS,
  VIDEO_GRANT_FLAGS,
  type VideoGrantFlag,
} from '@/lib/contracts/tokens';
import { PUBLISH_SOURCES } from '@/lib/contracts/tracks';

import { attributesSchema } from './participants';
import {
  createRoomInputSchema,
  identitySchema,
  metadataSchema,
  roomNameSchema,
  utf8String,
} from './rooms';

/**
 * A token's lifetime. LiveKit's SDKs default to 6 h (docs/livekit-behaviour.md §2.1); a day is the
 * most: a token cannot be revoked on a self-hosted server, only outlived.
 */
export const TOKEN_TTL_SECONDS = { min: 60, default: 6 * 3600, max: 24 * 3600 } as const;

const flagShape = Object.fromEntries(
  VIDEO_GRANT_FLAG_KEYS.map((key) => [
    key,
    z
      .boolean()
      .optional()
      .describe(`${VIDEO_GRANT_FLAGS[key].hint} Left out: ${VIDEO_GRANT_FLAGS[key].absent}.`),
  ]),
) as Record<VideoGrantFlag, z.ZodOptional<z.ZodBoolean>>;

/**
 * A VideoGrant as LiveKit reads it: every field optional, and a field left out stays out of the
 * token (LiveKit then assumes its default, `absent` in lib/contracts/tokens.ts). Sources use
 * Moderato's names (`CAMERA`…); the token carries LiveKit's lower-case ones.
 */
export const videoGrantInputSchema = z.strictObject({
  ...flagShape,
  room: roomNameSchema.optional().describe(VIDEO_GRANT_FIELDS.room.hint),
  destinationRoom: roomNameSchema.optional().describe(VIDEO_GRANT_FIELDS.destinationRoom.hint),
  canPublishSources: z
    .array(z.enum(PUBLISH_SOURCES))
    .max(PUBLISH_SOURCES.length)
    .transform((sources) => [...new Set(sources)])
    .optional()
    .describe(VIDEO_GRANT_FIELDS.canPublishSources.hint),
});
export type VideoGrantInput = z.input<typeof videoGrantInputSchema>;

/**
 * LiveKit's RoomConfiguration, as far as a token carries it: the room's options when this token's
 * join creates the room (an existing room ignores it). The fields and bounds are CreateRoom's.
 */
export const roomConfigurationInputSchema = createRoomInputSchema
  .pick({
    emptyTimeout: true,
    departureTimeout: true,
    maxParticipants: true,
    metadata: true,
    minPlayoutDelay: true,
    maxPlayoutDelay: true,
    syncStreams: true,
    agents: true,
  })
  .extend({
    /** LiveKit's id of a named configuration; not the room's name (that is `video.room`). */
    name: utf8String(256, 'Configuration name is at most 256 bytes').default(''),
  });
export type RoomConfigurationInput = z.input<typeof roomConfigurationInputSchema>;
export type RoomConfigurationOptions = z.output<typeof roomConfigurationInputSchema>;

export const generateTokenInputSchema = z
  .strictObject({
    identity: identitySchema,
    /** The participant's display name; empty = none. */
    name: utf8String(256, 'Name is at most 256 bytes').default(''),
    metadata: metadataSchema.default(''),
    attributes: attributesSchema.default({}),
    ttlSeconds: z
      .number()
      .int()
      .min(TOKEN_TTL_SECONDS.min, 'TTL is at least a minute')
      .max(TOKEN_TTL_SECONDS.max, 'TTL is at most 24 hours')
      .default(TOKEN_TTL_SECONDS.default)
      .describe('Seconds the token is valid for; 6 h by default, 24 h at most.'),
    video: videoGrantInputSchema,
    roomConfig: roomConfigurationInputSchema.optional(),
  })
  .superRefine((input, ctx) => {
    const { video, roomConfig } = input;
    // LiveKit joins and administers only the token's own room (docs/livekit-behaviour.md §2.3):
    // without one an admin grant reaches no room, and a join grant would let the client name any.
    if ((video.roomJoin || video.roomAdmin) && !video.room) {
      ctx.addIssue({
        code: 'custom',
        path: ['video', 'room'],
        message: 'Room is required to join or administer a room',
      });
    }
    if (roomConfig && !video.roomJoin) {
      ctx.addIssue({
        code: 'custom',
        path: ['roomConfig'],
        message:
          'A room configuration needs “Join the room”: LiveKit applies it when a join creates the room',
      });
    }
    if (
      roomConfig &&
      roomConfig.maxPlayoutDelay > 0 &&
      roomConfig.minPlayoutDelay > roomConfig.maxPlayoutDelay
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['roomConfig', 'maxPlayoutDelay'],
        message: 'Must be at least the minimum playout delay',
      });
    }
  });
export type GenerateTokenInput = z.input<typeof generateTokenInputSchema>;
export type GenerateTokenOptions = z.output<typeof generateTokenInputSchema>;

const PLACEHOLDER = /\{([^{}]*)\}/g;

/** The template with every placeholder replaced by `value` (to check what URL it makes). */
function filled(template: string, value: string): string {
  return template.replace(PLACEHOLDER, value);
}

function origin(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : null;
  } catch {
    return null;
  }
}

/** Why a join link template cannot be used, as issues on `ctx`. */
function checkTemplate(template: string, ctx: z.RefinementCtx): void {
  const names = [...template.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '');
  const unknown = names.filter((name) => !Object.hasOwn(JOIN_LINK_PLACEHOLDERS, name));
  if (unknown.length > 0) {
    ctx.addIssue({
      code: 'custom',
      message: `Unknown placeholder {${unknown[0]}}: use {url}, {token}, {room} or {identity}`,
    });
    return;
  }
  if (!names.includes('token')) {
    ctx.addIssue({ code: 'custom', message: 'Template must contain {token}' });
    return;
  }
  const a = origin(filled(template, 'a'));
  if (a === null || !/^https?:\/\//i.test(template)) {
    ctx.addIssue({ code: 'custom', message: 'Template must be an http or https URL' });
  } else if (a !== origin(filled(template, 'b.example'))) {
    ctx.addIssue({
      code: 'custom',
      message: 'Placeholders cannot be part of the site (scheme, host or port)',
    });
  }
}

const TEMPLATE_MAX = 2048;

/**
 * A join link template: an http(s) URL with `{token}` and optionally `{url}`, `{room}`,
 * `{identity}`. The origin must be written out: no placeholder may choose the site a token is
 * sent to.
 */
export const joinLinkTemplateValueSchema = z
  .string()
  .trim()
  .min(1, 'Template is required')
  .max(TEMPLATE_MAX, `Template is at most ${TEMPLATE_MAX} characters`)
  .superRefine(checkTemplate);

export const getJoinLinkTemplateInputSchema = z.strictObject({});
export type GetJoinLinkTemplateInput = z.input<typeof getJoinLinkTemplateInputSchema>;

export const setJoinLinkTemplateInputSchema = z.strictObject({
  /** Empty removes it: the one set for every tenant, or LiveKit Meet's, applies again. */
  template: z
    .string()
    .trim()
    .max(TEMPLATE_MAX, `Template is at most ${TEMPLATE_MAX} characters`)
    .superRefine((template, ctx) => {
      if (template !== '') checkTemplate(template, ctx);
    })
    .describe(
      'An http(s) URL with {token}, optionally {url}, {room} and {identity}; empty removes it.',
    ),
});
export type SetJoinLinkTemplateInput = z.input<typeof setJoinLinkTemplateInputSchema>;

const formFlags = Object.fromEntries(
  VIDEO_GRANT_FLAG_KEYS.map((key) => [key, z.boolean()]),
) as Record<VideoGrantFlag, z.ZodBoolean>;

/**
 * The token page's form: attributes as rows, the TTL in minutes, empty rooms for none, and the
 * room configuration behind a switch. It becomes generateToken's input, checked by the same
 * schema. A grant is written when checked, and also when unchecked if LiveKit would otherwise
 * assume it (`absent: true`), so the token says what the form showed.
 */
export const generateTokenFormSchema = z
  .object({
    identity: z.string(),
    name: z.string(),
    metadata: z.string(),
    attributes: z.array(z.object({ key: z.string(), value: z.string() })),
    ttlMinutes: z
      .number({ error: 'TTL must be a number of minutes' })
      .int('TTL is whole minutes')
      .min(1, 'TTL is at least a minute')
      .max(TOKEN_TTL_SECONDS.max / 60, 'TTL is at most 24 hours (1440 minutes)'),
    video: z.object({
      ...formFlags,
      room: z.string(),
      destinationRoom: z.string(),
      canPublishSources: z.array(z.enum(PUBLISH_SOURCES)),
    }),
    withRoomConfig: z.boolean(),
    roomConfig: z.object({
      name: z.string(),
      emptyTimeout: z.number(),
      departureTimeout: z.number(),
      maxParticipants: z.number(),
      metadata: z.string(),
      minPlayoutDelay: z.number(),
      maxPlayoutDelay: z.number(),
      syncStreams: z.boolean(),
      agents: z.array(z.object({ agentName: z.string(), metadata: z.string() })),
    }),
  })
  .superRefine(({ attributes }, ctx) => {
    const seen = new Set<string>();
    attributes.forEach(({ key }, index) => {
      if (key === '') {
        ctx.addIssue({
          code: 'custom',
          path: ['attributes', index, 'key'],
          message: 'Key is required',
        });
      } else if (seen.has(key)) {
        ctx.addIssue({
          code: 'custom',
          path: ['attributes', index, 'key'],
          message: 'Key is used twice',
        });
      }
      seen.add(key);
    });
  })
  .transform((form): GenerateTokenInput => {
    const { room, destinationRoom, canPublishSources, ...flags } = form.video;
    const video: VideoGrantInput = {};
    for (const key of VIDEO_GRANT_FLAG_KEYS) {
      if (flags[key] || VIDEO_GRANT_FLAGS[key].absent) video[key] = flags[key];
    }
    if (room) video.room = room;
    if (destinationRoom) video.destinationRoom = destinationRoom;
    if (canPublishSources.length > 0) video.canPublishSources = canPublishSources;
    return {
      identity: form.identity,
      name: form.name,
      metadata: form.metadata,
      attributes: Object.fromEntries(form.attributes.map(({ key, value }) => [key, value])),
      ttlSeconds: form.ttlMinutes * 60,
      video,
      roomConfig: form.withRoomConfig ? form.roomConfig : undefined,
    };
  })
  .pipe(generateTokenInputSchema);
export type GenerateTokenFormInput = z.input<typeof generateTokenFormSchema>;
