import { z } from 'zod';

/**
 * The sessions of a dashboard user as an admin sees them (GET /users/{userId}/sessions). Kept out of
 * dto.ts only to keep the sessions feature in its own files; it is a DTO like the others.
 */

const ms = z.number().int().describe('Epoch milliseconds');

export const userSessionSchema = z
  .object({
    /** The session's record id (not a credential: the cookie is an encrypted, signed JWT). */
    id: z.string(),
    createdAtMs: ms,
    /** Updated at most once a minute. */
    lastSeenAtMs: ms,
    /** Moves with activity, like the cookie's own expiry. */
    expiresAtMs: ms,
    /** As the browser sent it at sign-in; informational. */
    userAgent: z.string().nullable(),
    /** As reported at sign-in (X-Forwarded-For); informational, never used for a decision. */
    ip: z.string().nullable(),
  })
  .meta({ id: 'UserSession' });
export type UserSessionDto = z.infer<typeof userSessionSchema>;

export const userSessionListSchema = z
  .object({ sessions: z.array(userSessionSchema) })
  .meta({ id: 'UserSessionList' });
export type UserSessionListDto = z.infer<typeof userSessionListSchema>;

export const revokedSessionsSchema = z
  .object({ revoked: z.number().int().describe('How many open sessions were ended.') })
  .meta({ id: 'RevokedSessions' });
export type RevokedSessionsDto = z.infer<typeof revokedSessionsSchema>;
