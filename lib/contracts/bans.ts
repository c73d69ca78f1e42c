import { z } from 'zod';

/**
 * Bans as moderators see them (the Bans page, GET /api/v1/bans), and the notice a banned
 * participant's app receives. Universal: the UI and the domain both import it.
 *
 * A ban keeps an identity (and, optionally, anyone whose name matches a pattern) out of one room or
 * of every room in its scope, until it expires or is lifted. It holds by removing the identity
 * again the moment it joins (docs/bans.md): open-source LiveKit servers ignore token revocation.
 */

const ms = z.number().int().describe('Epoch milliseconds');

/** Where a ban applies: the room it was issued in, or every room its tenant may see. */
export const BAN_SCOPES = ['room', 'all_rooms'] as const;
export type BanScope = (typeof BAN_SCOPES)[number];

export const banSchema = z
  .object({
    id: z.string(),
    identity: z.string().describe('The banned identity'),
    namePattern: z
      .string()
      .nullable()
      .describe(
        'Also bans anyone whose name matches (case-insensitive; `*` any characters, `?` one)',
      ),
    /** The room it applies to; null = every room of `tenant` (every room at all when that is null). */
    roomName: z.string().nullable().describe('null = every room of `tenant` (or of every tenant)'),
    tenant: z.string().nullable().describe('Tenant `auth_id` whose rooms it covers; null = none'),
    reason: z.string(),
    /** Who banned: a dashboard username, key or embed subject. */
    createdBy: z.string(),
    createdAtMs: ms,
    /** null = permanent. */
    expiresAtMs: ms.nullable(),
    liftedAtMs: ms.nullable(),
    liftedBy: z.string().nullable(),
  })
  .meta({ id: 'Ban' });
export type BanDto = z.infer<typeof banSchema>;

export const banListSchema = z.object({ bans: z.array(banSchema) }).meta({ id: 'BanList' });
export type BanListDto = z.infer<typeof banListSchema>;

export const banResultSchema = z
  .object({
    ban: banSchema,
    /** False when the participant had already left: the ban still holds for their next join. */
    removed: z.boolean(),
  })
  .meta({ id: 'BanResult' });
export type BanResultDto = z.infer<typeof banResultSchema>;

export type BanStatus = 'active' | 'expired' | 'lifted';

/** Whether a ban still holds at `nowMs`. */
export function banStatus(
  ban: Pick<BanDto, 'expiresAtMs' | 'liftedAtMs'>,
  nowMs: number,
): BanStatus {
  if (ban.liftedAtMs !== null) return 'lifted';
  if (ban.expiresAtMs !== null && ban.expiresAtMs <= nowMs) return 'expired';
  return 'active';
}

/**
 * Topic of the notice a participant receives (reliable, addressed to them only) right before a
 * ban removes them, on the ban itself and on every removal of a rejoin. Documented in docs/bans.md.
 */
export const BAN_NOTICE_TOPIC = 'moderato.ban';

export interface BanNoticeMessage {
  type: 'banned';
  reason: string;
  /** When the ban ends (epoch ms); null = permanent. */
  expiresAtMs: number | null;
  /** The room it applies to; null = every room. */
  roomName: string | null;
}
