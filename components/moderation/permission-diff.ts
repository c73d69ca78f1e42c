import type { ParticipantPermissionDto } from '@/lib/contracts/dto';
import { PERMISSION_FLAG_KEYS } from '@/lib/contracts/participant-permission';
import { PUBLISH_SOURCES } from '@/lib/contracts/tracks';

/** "Promote to speaker" (docs/livekit-behaviour.md §11), limited to camera and microphone. */
export const SPEAKER_PRESET: Partial<ParticipantPermissionDto> = {
  canPublish: true,
  canSubscribe: true,
  canPublishData: true,
  canPublishSources: ['MICROPHONE', 'CAMERA'],
};

/** "Move back to audience" (docs/livekit-behaviour.md §11): listens, does not publish. */
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
  for (const key of PERMISSION_FLAG_KEYS) {
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
    current.canPublishSources.length === 0 ? PUBLISH_SOURCES : current.canPublishSources;

  return before.some((s) => !patch.canPublishSources!.includes(s));
}
