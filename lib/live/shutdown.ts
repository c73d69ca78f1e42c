import 'server-only';

import { liveBus } from './hub';
import { openStreams, stopOpeningStreams } from './open-streams';
import { processSingleton } from './process-singleton';
import { reconciler } from './reconciler-start';
import { closeWebhookListener } from './webhook-listener-start';

/**
 * Ends this instance's part in live updates: opens no new stream and closes every open one (each
 * browser's EventSource reconnects, through the load balancer to an instance still running, and
 * resumes from its Last-Event-ID), hands the reconciliation lease over at once instead of letting it expire, and
 * closes the dedicated webhook port if there is one.
 * Without it, `next start` ignores SIGTERM while any page is open: its server waits for every
 * response to end, and a live stream never does.
 */
export async function shutdownLive(): Promise<void> {
  stopOpeningStreams();
  for (const client of [...openStreams()]) client.close('server');
  await reconciler(liveBus()).stop();
  await closeWebhookListener();
}

/** From start.ts: on the signals a process manager or `next start` stops the server with. */
export function shutdownLiveOnSignals(): void {
  processSingleton('live.shutdownOnSignals', () => {
    const onSignal = () => {
      void shutdownLive().catch(() => undefined);
    };
    // Next's own handlers stay in charge of exiting; these only end what would hold it open.
    process.once('SIGTERM', onSignal);
    process.once('SIGINT', onSignal);
    return true;
  });
}
