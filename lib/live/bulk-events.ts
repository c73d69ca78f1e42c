import 'server-only';

import { cancelRunHere, setBulkRunPort } from '@/lib/domain/bulk/bulk-runs';

import type { LiveBus } from './bus';

/**
 * Bulk runs on the live bus: their progress goes to the moderators' browsers as `bulk.progress`,
 * and a cancellation taken by any instance reaches the one running the run as
 * `bulk.cancel_requested` (on a shared bus, every instance hears it; only the runner acts).
 */
export function startBulkEvents(bus: LiveBus): void {
  setBulkRunPort({
    progress: ({ tenant, ...progress }) =>
      bus.publish({
        type: 'bulk.progress',
        origin: 'action',
        atMs: Date.now(),
        tenant,
        ...progress,
      }),
    requestCancel: ({ roomName, tenant, runId }) =>
      bus.publish({
        type: 'bulk.cancel_requested',
        origin: 'action',
        atMs: Date.now(),
        roomName,
        tenant,
        runId,
      }),
  });
  bus.subscribe((event) => {
    if (event.type === 'bulk.cancel_requested') cancelRunHere(event.roomName, event.runId);
  });
}
