import 'server-only';

import pLimit from 'p-limit';

import type { ScreenSharePermissionsDto } from '@/lib/contracts/moderation-commands';
import type { PublishSource } from '@/lib/contracts/tracks';
import * as livekit from '@/lib/livekit/room-service';

import { DomainError } from '../errors';
import { withParticipantLock } from './microphone-restriction-rules';
import {
  permissionOf,
  publishRightsOf,
  sameRights,
  withSources,
  withoutSources,
} from './publish-rights';

export const SCREEN_SHARE_SOURCES: readonly PublishSource[] = [
  'SCREEN_SHARE',
  'SCREEN_SHARE_AUDIO',
];
const CONCURRENCY = 8;

/**
 * Adds or removes SCREEN_SHARE and SCREEN_SHARE_AUDIO in each participant's publish rights, sending
 * the rest of its permission back unchanged (LiveKit replaces the whole set, §3.8). Removing them
 * makes LiveKit unpublish a running share at once; nobody is disconnected. Granting to someone who
 * may publish nothing makes screen sharing the one thing they may publish.
 */
export async function setScreenShare(
  roomName: string,
  participants: readonly string[],
  grant: boolean,
): Promise<ScreenSharePermissionsDto> {
  const limit = pLimit(CONCURRENCY);
  const results = await Promise.all(
    [...new Set(participants)].map((identity) =>
      limit(() =>
        withParticipantLock(roomName, identity, async () => {
          try {
            const permission = permissionOf(await livekit.getParticipant(roomName, identity));
            const next = grant
              ? withSources(permission, SCREEN_SHARE_SOURCES)
              : withoutSources(permission, SCREEN_SHARE_SOURCES);
            if (!sameRights(publishRightsOf(next), publishRightsOf(permission))) {
              await livekit.updateParticipant(roomName, identity, { permission: next });
            }
            return { identity, found: true };
          } catch (err) {
            if (err instanceof DomainError && err.code === 'not_found') {
              return { identity, found: false };
            }
            throw err;
          }
        }),
      ),
    ),
  );
  return {
    grant,
    participants: results.filter((r) => r.found).map((r) => r.identity),
    missing: results.filter((r) => !r.found).map((r) => r.identity),
  };
}
