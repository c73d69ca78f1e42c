import 'server-only';

import { cancelBulkRunInputSchema } from '@/lib/schemas/bulk';

import { defineOperation } from '../operation';
import { bulkRunPort, cancelRunHere } from './bulk-runs';

/**
 * Asks the instance running a bulk run to stop it (the request travels on the live bus, so any
 * instance may take it). Targets already asked of LiveKit finish; the rest are reported cancelled.
 * Needs `tracks.mute`, which every role that runs bulk actions holds.
 */
export const cancelBulkRun = defineOperation({
  name: 'cancelBulkRun',
  summary: 'Cancel a bulk run',
  description:
    'Stops starting new targets of a running bulk action in this room; the run answers its report with the rest counted as cancelled. Unknown or finished runs are ignored.',
  tag: 'Participants',
  input: cancelBulkRunInputSchema,
  output: null,
  permission: 'tracks.mute',
  http: { method: 'POST', path: '/rooms/{roomName}/bulk/{runId}/cancel' },
  audit: {
    action: 'bulk.cancel_requested',
    target: ({ roomName }) => ({ roomName }),
    params: ({ runId }) => ({ runId }),
  },
  rooms: ({ roomName }) => [roomName],
  errors: ['not_found'],
  async act(context, { roomName, runId }) {
    if (cancelRunHere(roomName, runId)) return null;
    const { tenant } = await context.room(roomName);
    bulkRunPort()?.requestCancel({ roomName, tenant, runId });
    return null;
  },
});
