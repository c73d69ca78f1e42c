import 'server-only';

import { BULK_TRACK_GROUPS, bulkReportSchema } from '@/lib/contracts/bulk';
import type { TrackSource } from '@/lib/contracts/tracks';
import * as livekit from '@/lib/livekit/room-service';
import { muteTracksInBulkInputSchema } from '@/lib/schemas/bulk';

import { defineOperation } from '../operation';
import { muteTrack } from '../participants/mute-track';
import { selectTargets } from './bulk-targets';
import { runInBulk, type BulkItem } from './run-in-bulk';

/**
 * Mutes one group of tracks (every microphone, camera or screen share) of a selection or of the
 * whole room: one muteTrack per published, unmuted track of that group, each audited. LiveKit has
 * no bulk mute, so this is as many MutePublishedTrack calls, BULK_CONCURRENCY at a time.
 */
export const muteTracksInBulk = defineOperation({
  name: 'muteTracksInBulk',
  summary: 'Mute a group of tracks of many participants',
  description:
    'Mutes every microphone, camera or screen share of the named participants, or of everyone in the room; moderators, agents, egress and recorders are left out unless `includeProtected`. Answers a per-participant report.',
  tag: 'Tracks',
  input: muteTracksInBulkInputSchema,
  output: bulkReportSchema,
  permission: 'tracks.mute',
  http: { method: 'POST', path: '/rooms/{roomName}/bulk/mute-tracks' },
  audit: {
    action: 'bulk.tracks_muted',
    target: ({ roomName }) => ({ roomName }),
    params: ({ group, identities, includeProtected }) => ({
      group,
      selection: identities?.length ?? 'room',
      includeProtected,
    }),
  },
  rooms: ({ roomName }) => [roomName],
  errors: ['not_found'],
  async act(context, { roomName, group, identities, includeProtected, runId }) {
    const sources: readonly TrackSource[] = BULK_TRACK_GROUPS[group].sources;
    const { noun } = BULK_TRACK_GROUPS[group];
    const selection = selectTargets(await livekit.listParticipants(roomName), {
      identities,
      includeProtected,
    });
    const items: BulkItem[] = [];
    const skipped = [...selection.skipped];
    for (const participant of selection.targets) {
      const tracks = participant.tracks.filter((t) => sources.includes(t.source));
      const live = tracks.filter((t) => !t.muted);
      if (live.length === 0) {
        const reason = tracks.length === 0 ? `no ${noun}` : `${noun} already muted`;
        skipped.push({ identity: participant.identity, reason });
      }
      for (const track of live) {
        items.push({
          identity: participant.identity,
          trackSid: track.sid,
          input: { roomName, identity: participant.identity, trackSid: track.sid, muted: true },
        });
      }
    }
    return runInBulk(context, { roomName, runId, action: 'bulk.tracks_muted' }, muteTrack, items, {
      skipped,
      missing: selection.missing,
    });
  },
});
