import 'server-only';

import { bulkReportSchema } from '@/lib/contracts/bulk';
import * as livekit from '@/lib/livekit/room-service';
import { removeParticipantsInBulkInputSchema } from '@/lib/schemas/bulk';

import { defineOperation } from '../operation';
import { removeParticipant } from '../participants/remove-participant';
import { selectTargets } from './bulk-targets';
import { runInBulk } from './run-in-bulk';

/** Removes a selection, or everyone in the room but its moderators and machinery; each audited. */
export const removeParticipantsInBulk = defineOperation({
  name: 'removeParticipantsInBulk',
  summary: 'Remove many participants',
  description:
    'Disconnects the named participants, or everyone in the room; moderators, agents, egress and recorders are left out unless `includeProtected`. Their tokens stay valid. Answers a per-participant report.',
  tag: 'Participants',
  input: removeParticipantsInBulkInputSchema,
  output: bulkReportSchema,
  permission: 'participants.remove',
  http: { method: 'POST', path: '/rooms/{roomName}/bulk/remove-participants' },
  audit: {
    action: 'bulk.participants_removed',
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
    const items = selection.targets.map(({ identity }) => ({
      identity,
      trackSid: null,
      input: { roomName, identity },
    }));
    return runInBulk(
      context,
      { roomName, runId, action: 'bulk.participants_removed' },
      removeParticipant,
      items,
      selection,
    );
  },
});
