import type { ParticipantPermissionDto } from '@/lib/queries/dto';
import { PUBLISH_SOURCES } from '@/lib/schemas/participants';

export type PublishSource = (typeof PUBLISH_SOURCES)[number];
export type PermissionFlag = Exclude<keyof ParticipantPermissionDto, 'canPublishSources'>;

export const PERMISSION_FLAGS: { key: PermissionFlag; label: string; hint: string }[] = [
  { key: 'canSubscribe', label: 'Can subscribe', hint: 'Receive the tracks of others.' },
  { key: 'canPublish', label: 'Can publish', hint: 'Publish audio and video tracks.' },
  { key: 'canPublishData', label: 'Can publish data', hint: 'Send data messages and chat.' },
  {
    key: 'canUpdateMetadata',
    label: 'Can update own metadata',
    hint: 'Change their own name, metadata and attributes.',
  },
  { key: 'hidden', label: 'Hidden', hint: 'Invisible to the other participants.' },
  {
    key: 'recorder',
    label: 'Recorder',
    hint: 'Marks a recording participant (the room shows as recording).',
  },
  { key: 'agent', label: 'Agent', hint: 'Marks an agent participant.' },
  {
    key: 'canSubscribeMetrics',
    label: 'Can subscribe to metrics',
    hint: 'Receive metrics of the others.',
  },
  {
    key: 'canManageAgentSession',
    label: 'Can manage agent session',
    hint: 'Control agent sessions in the room.',
  },
];

export const SOURCE_OPTIONS: { value: PublishSource; label: string }[] = [
  { value: 'MICROPHONE', label: 'Microphone' },
  { value: 'CAMERA', label: 'Camera' },
  { value: 'SCREEN_SHARE', label: 'Screen share' },
  { value: 'SCREEN_SHARE_AUDIO', label: 'Screen share audio' },
];

/** Seed 001's "promote an audience member to a speaker". */
export const SPEAKER_PRESET: Partial<ParticipantPermissionDto> = {
  canPublish: true,
  canSubscribe: true,
  canPublishData: true,
  canPublishSources: ['MICROPHONE', 'CAMERA'],
};

/** Seed 001's "move back to audience": listens, does not publish. */
export const AUDIENCE_PRESET: Partial<ParticipantPermissionDto> = {
  canPublish: false,
  canSubscribe: true,
};

const sameSources = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((s) => b.includes(s));

/** Only the fields of `next` that differ from `current`: what the moderator changed. */
export function permissionPatch(
  current: ParticipantPermissionDto,
  next: Partial<ParticipantPermissionDto>,
): Partial<ParticipantPermissionDto> {
  const patch: Partial<ParticipantPermissionDto> = {};
  for (const { key } of PERMISSION_FLAGS) {
    const value = next[key];
    if (value !== undefined && value !== current[key]) patch[key] = value;
  }
  if (next.canPublishSources && !sameSources(next.canPublishSources, current.canPublishSources)) {
    patch.canPublishSources = next.canPublishSources;
  }

  return patch;
}

/** Whether applying the patch takes publishing rights away (LiveKit then unpublishes tracks). */
export function revokesPublishing(
  current: ParticipantPermissionDto,
  patch: Partial<ParticipantPermissionDto>,
): boolean {
  if (current.canPublish && patch.canPublish === false) return true;
  if (!patch.canPublishSources || patch.canPublishSources.length === 0) return false;
  const before =
    current.canPublishSources.length === 0
      ? SOURCE_OPTIONS.map((s) => s.value)
      : current.canPublishSources;

  return before.some((s) => !patch.canPublishSources!.includes(s));
}
