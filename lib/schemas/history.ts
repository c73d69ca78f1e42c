import { z } from 'zod';

import { ROOM_EVENT_TYPES, type RoomEventType } from '@/lib/contracts/history';

import { optionalDate, optionalText } from './query-params';
import { roomNameSchema } from './rooms';

export const HISTORY_STATUSES = ['live', 'ended'] as const;
export type HistoryStatus = (typeof HISTORY_STATUSES)[number];

/** History filters, as URL search params (strings) from the page, REST and the export. */
export const historyFiltersInputSchema = z.strictObject({
  /** Part of the room name. */
  q: optionalText,
  /** Exact tenant (`auth_id`); a tenant-bound caller sees only its own whatever it asks. */
  tenant: optionalText,
  /** Sessions live at some point between `from` and `to` (ISO dates or instants). */
  from: optionalDate,
  to: optionalDate,
  status: z
    .enum(HISTORY_STATUSES)
    .optional()
    .or(z.literal('').transform(() => undefined)),
  cursor: optionalText,
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export type HistoryFiltersInput = z.input<typeof historyFiltersInputSchema>;
export type HistoryFilters = z.output<typeof historyFiltersInputSchema>;

export const historyExportInputSchema = historyFiltersInputSchema
  .omit({ cursor: true, limit: true })
  .extend({ format: z.enum(['csv', 'json']).default('csv') });

/** LiveKit sids are short (`RM_` + 12); the bound only keeps junk out. */
export const roomSidSchema = z.string().min(1, 'Room sid is required').max(256);

export const roomSessionRefInputSchema = z.strictObject({ roomSid: roomSidSchema });

/** `type=participant.joined,participant.left`: a comma-separated list of event types. */
const eventTypesSchema = z
  .string()
  .trim()
  .max(1000)
  .optional()
  .transform((value, ctx): RoomEventType[] | undefined => {
    if (!value) return undefined;
    const types = [
      ...new Set(
        value
          .split(',')
          .map((t) => t.trim())
          .filter(Boolean),
      ),
    ];
    const unknown = types.filter((t) => !(ROOM_EVENT_TYPES as readonly string[]).includes(t));
    if (unknown.length > 0) {
      ctx.addIssue({ code: 'custom', message: `Unknown event type: ${unknown.join(', ')}` });
      return z.NEVER;
    }
    return types.length > 0 ? (types as RoomEventType[]) : undefined;
  })
  .meta({
    description: `Comma-separated event types: ${ROOM_EVENT_TYPES.join(', ')}.`,
  });

/** A room's timeline: newest first, one session's only when `roomSid` is given. */
export const roomEventsInputSchema = z.strictObject({
  roomName: roomNameSchema,
  type: eventTypesSchema,
  roomSid: roomSidSchema.optional(),
  cursor: optionalText,
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export type RoomEventsInput = z.input<typeof roomEventsInputSchema>;
