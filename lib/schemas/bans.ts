import { z } from 'zod';

import { BAN_SCOPES } from '@/lib/contracts/bans';

import { identitySchema, roomNameSchema } from './rooms';

/** The longest ban with an end: ten years. Longer is what "permanent" (null) is for. */
export const MAX_BAN_SECONDS = 10 * 365 * 24 * 3600;

/** Durations the ban dialog offers besides a custom one (seconds; null = permanent). */
export const BAN_DURATION_PRESETS = [
  { label: '15 minutes', seconds: 15 * 60 },
  { label: '1 hour', seconds: 3600 },
  { label: '1 day', seconds: 24 * 3600 },
  { label: 'Permanent', seconds: null },
] as const;

export const banReasonSchema = z
  .string()
  .trim()
  .min(1, 'Say why: the participant is told')
  .max(500, 'At most 500 characters');

/** `*` any characters, `?` one; matched case-insensitively against the whole name. */
export const namePatternSchema = z
  .string()
  .trim()
  .min(1)
  .max(100, 'At most 100 characters')
  .refine(
    (p) => p.replace(/[*?]/g, '').length >= 2,
    'Give at least two characters besides * and ?',
  );

export const banParticipantInputSchema = z.strictObject({
  roomName: roomNameSchema,
  identity: identitySchema,
  reason: banReasonSchema,
  /** Seconds from now; null = permanent. */
  durationSeconds: z
    .number()
    .int()
    .min(60, 'At least one minute')
    .max(MAX_BAN_SECONDS, 'At most ten years; choose permanent instead')
    .nullable()
    .describe('Seconds from now; null = permanent'),
  namePattern: namePatternSchema
    .optional()
    .describe('Also ban anyone whose name matches (case-insensitive; `*` any characters, `?` one)'),
  scope: z
    .enum(BAN_SCOPES)
    .default('room')
    .describe(
      '`room`: this room only; `all_rooms`: every room of your tenant (of every tenant for an unbound caller)',
    ),
});
export type BanParticipantInput = z.input<typeof banParticipantInputSchema>;

export const listBansInputSchema = z.strictObject({});
export type ListBansInput = z.input<typeof listBansInputSchema>;

export const liftBanInputSchema = z.strictObject({ banId: z.string().min(1).max(64) });
export type LiftBanInput = z.input<typeof liftBanInputSchema>;
