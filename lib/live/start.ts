import 'server-only';

import { startActionEvents } from './action-events';
import { startBanEnforcer } from './ban-enforcer-start';
import { startBulkEvents } from './bulk-events';
import { startHistoryRecorder } from './history-recorder';
import { liveBus } from './hub';
import { startKnownState } from './known-state';
import { startMicRestrictionEnforcer } from './microphone-restriction-enforcer';
import { processSingleton } from './process-singleton';
import { startReconciler } from './reconciler-start';
import { startReplayBuffer } from './replay-buffer';
import { startRoomLockEnforcer } from './room-lock-enforcer-start';
import { shutdownLiveOnSignals } from './shutdown';
import { startWatchedRooms } from './watched-rooms';
import { startWebhookHealth } from './webhook-health';

/**
 * Starts live updates in this process, once (from instrumentation.ts): every part subscribes to the
 * bus here, so the order of these lines is the order listeners see each event.
 */
export function startLive(): void {
  processSingleton('live.started', () => {
    const bus = liveBus();
    startKnownState(bus);
    startReplayBuffer(bus);
    startWebhookHealth();
    startWatchedRooms();
    startReconciler(bus);
    startBanEnforcer(bus);
    startRoomLockEnforcer(bus);
    startMicRestrictionEnforcer(bus);
    startActionEvents(bus);
    startBulkEvents(bus);
    startHistoryRecorder(bus);
    shutdownLiveOnSignals();
    void bus;
    return true;
  });
}
