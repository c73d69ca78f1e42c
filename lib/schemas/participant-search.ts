import { z } from 'zod';

/** Longest query: identities and names run to 256 bytes, but nobody types more than a fragment. */
export const PARTICIPANT_QUERY_MAX = 128;
/** Matches answered by default, and at most: a search finds someone, it does not export a list. */
export const PARTICIPANT_MATCHES_DEFAULT = 50;
export const PARTICIPANT_MATCHES_MAX = 200;

/**
 * GET /participants?query=…: part of an identity or a name, matched case-insensitively in every room
 * the caller may see. URL search params are strings, hence the coerced limit.
 */
export const searchParticipantsInputSchema = z.strictObject({
  query: z
    .string({ error: 'Type part of an identity or a name' })
    .trim()
    .min(1, 'Type part of an identity or a name')
    .max(PARTICIPANT_QUERY_MAX, `Search for at most ${PARTICIPANT_QUERY_MAX} characters`),
  limit: z.coerce
    .number({ error: 'Limit must be a number' })
    .int('Limit must be a whole number')
    .min(1, 'Limit must be at least 1')
    .max(PARTICIPANT_MATCHES_MAX, `Limit must be at most ${PARTICIPANT_MATCHES_MAX}`)
    .default(PARTICIPANT_MATCHES_DEFAULT),
});
export type SearchParticipantsInput = z.input<typeof searchParticipantsInputSchema>;
