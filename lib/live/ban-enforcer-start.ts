import 'server-only';

import { listParticipants, listRooms } from '@/lib/livekit/room-service';

import { BanEnforcer } from './ban-enforcer';
import type { LiveBus } from './bus';
import { liveEnv } from './live-env';
import { processSingleton } from './process-singleton';
import { reconciler } from './reconciler-start';

/** This process's ban enforcement: sweeps while it leads reconciliation, one interval apart. */
export function banEnforcer(bus: LiveBus): BanEnforcer {
  return processSingleton('live.banEnforcer', () => {
    const loop = reconciler(bus);
    return new BanEnforcer({
      bus,
      isLeader: () => loop.isLeader(),
      source: { listRooms: () => listRooms(), listParticipants },
      intervalMs: liveEnv().MODERATO_RECONCILE_MS,
    });
  });
}

/** Started from start.ts, after the reconciler it takes its leadership from. */
export function startBanEnforcer(bus: LiveBus): void {
  banEnforcer(bus).start();
}
