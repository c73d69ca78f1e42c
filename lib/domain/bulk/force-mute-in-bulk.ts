import 'server-only';

import { bulkReportSchema } from '@/lib/contracts/bulk';
import { microphoneState } from '@/lib/contracts/participant-media';
import * as livekit from '@/lib/livekit/room-service';
import { forceMuteInBulkInputSchema } from '@/lib/schemas/bulk';
import { FORCE_MUTED_TOPIC } from '@/lib/schemas/protocol';

import { forceMute } from '../moderation/force-mute';
import { defineOperation } from '../operation';
import { selectTargets } from './bulk-targets';
import { runInBulk, type BulkItem } from './run-in-bulk';

/**
 * OpenTalk's `force_mute` (docs/livekit-behaviour.md §12) for a selection or the whole room, as a
 * bulk run: one `forceMute` per participant with a live microphone, so each is audited on its own,
 * told on its own who muted them, and shows in the report. Those without a live microphone are
 * skipped rather than told of a mute that changed nothing.
 */
export const forceMuteInBulk = defineOperation({
  name: 'forceMuteInBulk',
  summary: 'Force mute the microphones of many participants',
  description: `Force mutes the named participants, or everyone in the room: their microphones only, and each is sent \`{"message":"force_muted","moderator":"<id>"}\` on topic \`${FORCE_MUTED_TOPIC}\`. Moderators, agents, egress and recorders are left out unless \`includeProtected\`; participants without a live microphone are skipped. Answers a per-participant report.`,
  tag: 'Tracks',
  input: forceMuteInBulkInputSchema,
  output: bulkReportSchema,
  permission: 'tracks.mute',
  http: { method: 'POST', path: '/rooms/{roomName}/bulk/force-mute' },
  audit: {
    action: 'bulk.force_muted',
    target: ({ roomName }) => ({ roomName }),
    params: ({ identities, includeProtected }) => ({
      selection: identities?.length ?? 'room',
      includeProtected,
    }),
  },
  rooms: ({ roomName }) => [roomName],
  errors: ['not_found'],
  async act(context, { roomName, identities, includeProtected, runId }) {
    const selection = selectTargets(await livekit.listParticipants(roomName), {
      identities,
      includeProtected,
    });
    const items: BulkItem[] = [];
    const skipped = [...selection.skipped];
    for (const participant of selection.targets) {
      const { identity } = participant;
      const mic = microphoneState(participant);
      if (mic === 'live') {
        items.push({ identity, trackSid: null, input: { roomName, participants: [identity] } });
      } else {
        skipped.push({
          identity,
          reason: mic === 'none' ? 'no microphone' : 'microphone already muted',
        });
      }
    }
    return runInBulk(
      context,
      { roomName, runId, action: 'bulk.force_muted' },
      forceMute,
      items,
      { skipped, missing: selection.missing },
      // Gone between the listing and their turn: forceMute reports them rather than failing.
      ({ missing }) =>
        missing.length > 0
          ? { code: 'not_found', message: `${missing[0]} is not in ${roomName}.` }
          : null,
    );
  },
});
