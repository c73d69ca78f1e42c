import { z } from 'zod';

import type { ParticipantDto } from './dto';
import type { TrackSource } from './tracks';

/**
 * Bulk actions on a room's participants (docs/moderation.md, "Bulk actions"): the track groups a
 * bulk mute acts on, who is left out unless asked, and the report every run answers with.
 * Universal: the room page and the domain read the same table.
 */
export const BULK_TRACK_GROUPS = {
  microphones: { label: 'Mute microphones', noun: 'microphone', sources: ['MICROPHONE'] },
  cameras: { label: 'Turn off cameras', noun: 'camera', sources: ['CAMERA'] },
  screenShares: {
    label: 'Stop screen shares',
    noun: 'screen share',
    sources: ['SCREEN_SHARE', 'SCREEN_SHARE_AUDIO'],
  },
} as const satisfies Record<string, { label: string; noun: string; sources: TrackSource[] }>;
export type BulkTrackGroup = keyof typeof BULK_TRACK_GROUPS;
export const BULK_TRACK_GROUP_KEYS = Object.keys(BULK_TRACK_GROUPS) as BulkTrackGroup[];

/** How many targets a bulk run acts on at once: LiveKit calls in flight, not a rate. */
export const BULK_CONCURRENCY = 16;
/** The most participants one run may name (a room's whole list is never capped). */
export const BULK_MAX_IDENTITIES = 10_000;

/**
 * Why a participant is left out of a bulk run unless the moderator includes them: the room's
 * machinery and its moderators, whom a "mute everyone" or "remove everyone" must not hit.
 * Moderators are hidden participants (how silent watchers join) and those whose `role` attribute
 * is `moderator`: ListParticipants reports no moderator flag (a `roomAdmin` grant stays in the
 * participant's token).
 */
export function protectedReason(participant: ParticipantDto): string | null {
  const permission = participant.permission;
  if (participant.kind === 'AGENT' || permission?.agent) return 'agent';
  if (participant.kind === 'EGRESS') return 'egress';
  if (permission?.recorder) return 'recorder';
  if (permission?.hidden || participant.attributes.role === 'moderator') return 'moderator';
  return null;
}

const failureSchema = z.object({
  identity: z.string(),
  trackSid: z.string().nullable(),
  code: z.string(),
  message: z.string(),
});

/** What a bulk run did, per participant: every target is succeeded, failed or skipped. */
export const bulkReportSchema = z
  .object({
    runId: z.string(),
    /** Actions attempted (a participant with two screen-share tracks counts twice). */
    total: z.number().int(),
    succeeded: z.number().int(),
    failed: z.array(failureSchema),
    /** Left out before anything was attempted, and why. */
    skipped: z.array(z.object({ identity: z.string(), reason: z.string() })),
    /** Actions not started because the run was cancelled. */
    cancelled: z.number().int(),
  })
  .meta({ id: 'BulkReport' });
export type BulkReportDto = z.infer<typeof bulkReportSchema>;
export type BulkFailure = z.infer<typeof failureSchema>;
