import 'server-only';

import { listParticipants, listRooms } from '@/lib/livekit/room-service';

import { BanEnforcer } from './ban-enforcer';
import type { LiveBus } from './bus';
import { liveEnv } from './live-env';
import { processSingleton } from './process-singleton';
import { reconciler } from './reconciler-start';
import { RoomLockEnforcer } from './room-lock-enforcer';
import type { SweepingEnforcerOptions } from './sweeping-enforcer';

/** Enforcers sweep while this process leads reconciliation, one reconciliation interval apart. */
function options(bus: LiveBus): SweepingEnforcerOptions {
  const loop = reconciler(bus);
  return {
    bus,
    isLeader: () => loop.isLeader(),
    source: { listRooms: () => listRooms(), listParticipants },
    intervalMs: liveEnv().MODERATO_RECONCILE_MS,
  };
}

export function banEnforcer(bus: LiveBus): BanEnforcer {
  return processSingleton('live.banEnforcer', () => new BanEnforcer(options(bus)));
}

export function roomLockEnforcer(bus: LiveBus): RoomLockEnforcer {
  return processSingleton('live.roomLockEnforcer', () => new RoomLockEnforcer(options(bus)));
}

/** Started from start.ts, after the reconciler they take their leadership from. */
export function startEnforcers(bus: LiveBus): void {
  banEnforcer(bus).start();
  roomLockEnforcer(bus).start();
}
