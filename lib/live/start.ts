import 'server-only';

import { startActionEvents } from './action-events';
import { startBulkEvents } from './bulk-events';
import { startEnforcers } from './enforcers-start';
import { startHistoryRecorder } from './history-recorder';
import { liveBus } from './hub';
import { startKnownState } from './known-state';
import { startMicRestrictionEnforcer } from './microphone-restriction-enforcer';
import { processSingleton } from './process-singleton';
import { startReconciler } from './reconciler-start';
import { startReplayBuffer } from './replay-buffer';
import { shutdownLiveOnSignals } from './shutdown';
import { startWatchedRooms } from './watched-rooms';
import { startWebhookHealth } from './webhook-health';
import { startConfiguredWebhookListener } from './webhook-listener-start';

/**
 * Starts live updates in this process, once (from instrumentation.ts): every part subscribes to the
 * bus here, so the order of these lines is the order listeners see each event.
 */
export function startLive(): void {
  processSingleton('live.started', () => {
    const bus = liveBus();
    startKnownState(bus);
    startReplayBuffer(bus);
    // Listening starts now but completes after this function returns, so after every listener
    // below is subscribed: no delivery can be published to a half-started bus.
    const webhookListener = startConfiguredWebhookListener();
    startWebhookHealth(async () => (await webhookListener)?.port ?? null);
    startWatchedRooms();
    startReconciler(bus);
    startEnforcers(bus);
    startMicRestrictionEnforcer(bus);
    startActionEvents(bus);
    startBulkEvents(bus);
    startHistoryRecorder(bus);
    shutdownLiveOnSignals();
    void bus;
    return true;
  });
}
