import 'server-only';

import type { ParticipantDto, ParticipantPermissionDto } from '@/lib/contracts/dto';
import { TOKEN_DEFAULT_PERMISSION } from '@/lib/contracts/participant-permission';
import { PUBLISH_SOURCES, type PublishSource } from '@/lib/contracts/tracks';
import type { PublishRights } from '@/lib/db/microphone-restrictions';

/**
 * Publish rights as a set of sources, and back. LiveKit spells them in two fields whose meaning
 * depends on each other (docs/livekit-behaviour.md §2.1, §4.4): `canPublish` false allows nothing,
 * and an *empty* `canPublishSources` allows every source. So "take MICROPHONE from []" is
 * [CAMERA, SCREEN_SHARE, SCREEN_SHARE_AUDIO], and taking the last source means canPublish false —
 * an empty list would allow everything again.
 */

export function permissionOf(participant: ParticipantDto): ParticipantPermissionDto {
  return participant.permission ?? TOKEN_DEFAULT_PERMISSION;
}

export function allowedSources(rights: PublishRights): Set<PublishSource> {
  if (!rights.canPublish) return new Set();
  if (rights.canPublishSources.length === 0) return new Set(PUBLISH_SOURCES);
  return new Set(rights.canPublishSources);
}

/** The permission with exactly `allowed` publishable; every other field as it was. */
export function withAllowedSources<P extends PublishRights>(
  permission: P,
  allowed: ReadonlySet<PublishSource>,
): P {
  if (allowed.size === 0) return { ...permission, canPublish: false };
  const everything = PUBLISH_SOURCES.every((s) => allowed.has(s));
  return {
    ...permission,
    canPublish: true,
    canPublishSources: everything ? [] : PUBLISH_SOURCES.filter((s) => allowed.has(s)),
  };
}

export function withoutSources<P extends PublishRights>(
  permission: P,
  sources: readonly PublishSource[],
): P {
  const allowed = allowedSources(permission);
  for (const source of sources) allowed.delete(source);
  return withAllowedSources(permission, allowed);
}

export function withSources<P extends PublishRights>(
  permission: P,
  sources: readonly PublishSource[],
): P {
  const allowed = allowedSources(permission);
  for (const source of sources) allowed.add(source);
  return withAllowedSources(permission, allowed);
}

export function publishRightsOf(permission: PublishRights): PublishRights {
  return {
    canPublish: permission.canPublish,
    canPublishSources: [...permission.canPublishSources],
  };
}

/** Same rights as LiveKit sees them (source order does not matter). */
export function sameRights(a: PublishRights, b: PublishRights): boolean {
  if (a.canPublish !== b.canPublish) return false;
  const left = new Set(a.canPublishSources);
  const right = new Set(b.canPublishSources);
  return left.size === right.size && [...left].every((s) => right.has(s));
}
