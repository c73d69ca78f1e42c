import 'server-only';

import type { BareListener } from '@/lib/http/bare-listener';

import { liveEnv } from './live-env';
import { existingProcessSingleton, processSingleton } from './process-singleton';
import { startWebhookListener } from './webhook-listener';
import { webhookReceiver } from './webhook-receiver';

const SINGLETON = 'live.webhookListener';

/** Starts this process's dedicated webhook listener once; null when MODERATO_WEBHOOK_PORT is unset. */
export function startConfiguredWebhookListener(): Promise<BareListener | null> {
  return processSingleton(SINGLETON, () => {
    const { MODERATO_WEBHOOK_PORT: port, MODERATO_WEBHOOK_HOST: host } = liveEnv();
    if (port === undefined) return Promise.resolve(null);
    return startWebhookListener(webhookReceiver, { port, host }).then(
      (listener) => {
        console.info(`[moderato] webhooks: also listening on ${host}:${listener.port}`);
        return listener;
      },
      (err: NodeJS.ErrnoException) => {
        // The route still receives webhooks: say loudly that the configured port does not.
        console.error(
          `[moderato] webhooks: cannot listen on ${host}:${port} (MODERATO_WEBHOOK_PORT): ${err.code ?? err.message}`,
        );
        return null;
      },
    );
  });
}

/** Closes the listener if this process started one (on shutdown). */
export async function closeWebhookListener(): Promise<void> {
  await (await existingProcessSingleton<Promise<BareListener | null>>(SINGLETON))?.close();
}
