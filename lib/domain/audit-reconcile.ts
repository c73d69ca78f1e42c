import 'server-only';

import { markPendingAuditEventsUnknown } from '@/lib/db/audit';

import { retryInBackground } from './retry-in-background';

/**
 * Start-up: an audit row still `pending` from before this process started belongs to an attempt
 * whose outcome was never written (the process was killed between acting and settling, or gave up
 * retrying). It becomes `unknown`, so the log says so instead of looking forever in progress.
 *
 * That is as far as it can be reconciled: LiveKit keeps no history of who muted, removed or changed
 * what — only the current state, which the participant, another moderator or LiveKit itself may
 * have changed since — and a deleted room or removed participant leaves no trace at all. So the
 * action may or may not have taken effect, and only a person looking at the room can tell.
 *
 * With several instances on one PostgreSQL, a starting instance may mark a row whose action
 * another instance is still running; that instance then writes the real outcome over `unknown`.
 * Never throws: a store that is busy now is retried in the background, and the server starts.
 */
export async function reconcileInterruptedAudits(
  processStartMs: number = performance.timeOrigin,
): Promise<void> {
  const mark = async () => {
    const count = await markPendingAuditEventsUnknown(processStartMs);
    if (count > 0) {
      console.warn(
        `[moderato] audit: ${count} action(s) from an earlier run have no recorded outcome; marked unknown`,
      );
    }
  };
  await mark().catch((error: unknown) => {
    console.warn(`[moderato] audit: could not reconcile pending rows; retrying (${String(error)})`);
    retryInBackground(mark, (last) =>
      console.error(`[moderato] audit: gave up reconciling pending rows (${String(last)})`),
    );
  });
}
