import { z } from 'zod';

import { PUBLISH_SOURCES, type PublishSource } from './tracks';

/**
 * LiveKit's ParticipantPermission boolean fields (protocol 1.51), each with the label and help text
 * the permission editor shows. The zod schema, the DTO type and the editor all derive from this.
 */
export const PERMISSION_FLAGS = {
  canSubscribe: { label: 'Can subscribe', hint: 'Receive the tracks of others.' },
  canPublish: { label: 'Can publish', hint: 'Publish audio and video tracks.' },
  canPublishData: { label: 'Can publish data', hint: 'Send data messages and chat.' },
  canUpdateMetadata: {
    label: 'Can update own metadata',
    hint: 'Change their own name, metadata and attributes.',
  },
  hidden: { label: 'Hidden', hint: 'Invisible to the other participants.' },
  recorder: {
    label: 'Recorder',
    hint: 'Marks a recording participant (the room shows as recording).',
  },
  agent: { label: 'Agent', hint: 'Marks an agent participant.' },
  canSubscribeMetrics: {
    label: 'Can subscribe to metrics',
    hint: 'Receive metrics of the others.',
  },
  canManageAgentSession: {
    label: 'Can manage agent session',
    hint: 'Control agent sessions in the room.',
  },
} as const;
export type PermissionFlag = keyof typeof PERMISSION_FLAGS;
export const PERMISSION_FLAG_KEYS = Object.keys(PERMISSION_FLAGS) as PermissionFlag[];

const flagShape = Object.fromEntries(
  PERMISSION_FLAG_KEYS.map((key) => [key, z.boolean().describe(PERMISSION_FLAGS[key].hint)]),
) as Record<PermissionFlag, z.ZodBoolean>;

/** Every ParticipantPermission field a moderator may set. */
export const participantPermissionSchema = z.strictObject({
  ...flagShape,
  /** Empty = every source allowed (still requires canPublish). */
  canPublishSources: z
    .array(z.enum(PUBLISH_SOURCES))
    .max(PUBLISH_SOURCES.length)
    .describe('Sources the participant may publish; empty = every source.'),
});
export type ParticipantPermissionDto = z.infer<typeof participantPermissionSchema>;

/**
 * LiveKit's permission for a join token without explicit grants (docs/livekit-behaviour.md §4.4);
 * used when a participant is reported without a permission.
 */
export const TOKEN_DEFAULT_PERMISSION: ParticipantPermissionDto = {
  canSubscribe: true,
  canPublish: true,
  canPublishData: true,
  canPublishSources: [] as PublishSource[],
  hidden: false,
  recorder: false,
  canUpdateMetadata: false,
  agent: false,
  canSubscribeMetrics: false,
  canManageAgentSession: false,
};
