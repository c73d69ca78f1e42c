import 'server-only';

import pLimit from 'p-limit';

import {
  forceMuteResultSchema,
  type ForceMuteResultDto,
} from '@/lib/contracts/moderation-commands';
import type { ForceMutedEvent } from '@/lib/contracts/opentalk-livekit';
import * as livekit from '@/lib/livekit/room-service';
import { forceMuteInputSchema } from '@/lib/schemas/moderation-commands';
import { FORCE_MUTED_TOPIC } from '@/lib/schemas/protocol';

import { DomainError } from '../errors';
import { defineOperation } from '../operation';
import { sendJsonMessage } from '../send-json-message';
import { moderatorIdentity } from './moderator-identity';
import { muteMicrophones } from './mute-microphones';

const CONCURRENCY = 8;

/**
 * OpenTalk's `force_mute`: mutes the microphone tracks — and only those — of the listed
 * participants, then tells each of them who did it with OpenTalk's `force_muted` event, one
 * reliable data message on FORCE_MUTED_TOPIC addressed to exactly them. Listed identities not in
 * the room are reported, not an error: the moderator's list may be a moment old.
 */
export const forceMute = defineOperation({
  name: 'forceMute',
  summary: 'Force mute participants’ microphones',
  description: `Mutes every microphone track of the listed participants (cameras and screen shares are left alone) and sends each of them \`{"message":"force_muted","moderator":"<id>"}\` as a reliable data message on topic \`${FORCE_MUTED_TOPIC}\`.`,
  tag: 'Tracks',
  input: forceMuteInputSchema,
  output: forceMuteResultSchema,
  permission: 'tracks.mute',
  http: { method: 'POST', path: '/rooms/{roomName}/force-mute' },
  audit: {
    action: 'participants.force_muted',
    params: ({ participants }) => ({ participants }),
  },
  rooms: ({ roomName }) => [roomName],
  errors: ['not_found'],
  async act({ actor, auditParams }, { roomName, participants }): Promise<ForceMuteResultDto> {
    const moderator = moderatorIdentity(actor);
    const limit = pLimit(CONCURRENCY);
    const muted: ForceMuteResultDto['muted'] = [];
    const missing: string[] = [];
    await Promise.all(
      [...new Set(participants)].map((identity) =>
        limit(async () => {
          const trackSids = await muteListed(roomName, identity);
          if (trackSids === null) missing.push(identity);
          else muted.push({ identity, trackSids });
        }),
      ),
    );
    // In the order the moderator listed them, whatever order the calls finished in.
    const order = (identity: string) => participants.indexOf(identity);
    muted.sort((a, b) => order(a.identity) - order(b.identity));
    missing.sort((a, b) => order(a) - order(b));
    if (muted.length > 0) {
      const event: ForceMutedEvent = { message: 'force_muted', moderator };
      const to = muted.map((m) => m.identity);
      await sendJsonMessage(roomName, FORCE_MUTED_TOPIC, event, to);
    }
    auditParams.mutedTrackSids = muted.flatMap((m) => m.trackSids);
    if (missing.length > 0) auditParams.missing = missing;
    return { moderator, muted, missing };
  },
});

/** The microphone tracks muted; null when the participant is not in the room. */
async function muteListed(roomName: string, identity: string): Promise<string[] | null> {
  try {
    return await muteMicrophones(roomName, await livekit.getParticipant(roomName, identity));
  } catch (err) {
    if (err instanceof DomainError && err.code === 'not_found') return null;
    throw err;
  }
}
