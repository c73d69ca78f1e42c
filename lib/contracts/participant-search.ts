import { z } from 'zod';

import { PARTICIPANT_KINDS, PARTICIPANT_STATES } from './tracks';

/**
 * What a search for a participant across rooms answers (GET /participants). Kept out of dto.ts only
 * to keep the feature in its own files; it is a DTO like the others.
 */

export const participantMatchSchema = z
  .object({
    roomName: z.string(),
    sid: z.string(),
    identity: z.string(),
    name: z.string(),
    state: z.enum(PARTICIPANT_STATES),
    kind: z.enum(PARTICIPANT_KINDS),
    joinedAtMs: z.number().int().describe('Epoch milliseconds'),
    isPublisher: z.boolean(),
  })
  .meta({ id: 'ParticipantMatch' });
export type ParticipantMatchDto = z.infer<typeof participantMatchSchema>;

export const participantSearchSchema = z
  .object({
    participants: z
      .array(participantMatchSchema)
      .describe('Ordered by room name, then join time; at most `limit`.'),
    truncated: z.boolean().describe('More participants matched than `limit`: narrow the query.'),
    roomsSearched: z.number().int().describe('Rooms in the caller’s scope that were searched.'),
  })
  .meta({ id: 'ParticipantSearch' });
export type ParticipantSearchDto = z.infer<typeof participantSearchSchema>;
