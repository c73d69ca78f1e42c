import 'server-only';

import { listParticipants, listRooms } from '@/lib/livekit/room-service';

import type { LiveBus } from './bus';
import { liveEnv } from './live-env';
import { processSingleton } from './process-singleton';
import { reconciler } from './reconciler-start';
import { RoomLockEnforcer } from './room-lock-enforcer';

/** This process's room-lock enforcement: sweeps while it leads reconciliation. */
export function roomLockEnforcer(bus: LiveBus): RoomLockEnforcer {
  return processSingleton('live.roomLockEnforcer', () => {
    const loop = reconciler(bus);
    return new RoomLockEnforcer({
      bus,
      isLeader: () => loop.isLeader(),
      source: { listRooms: () => listRooms(), listParticipants },
      intervalMs: liveEnv().MODERATO_RECONCILE_MS,
    });
  });
}

/** Started from start.ts, after the reconciler it takes its leadership from. */
export function startRoomLockEnforcer(bus: LiveBus): void {
  roomLockEnforcer(bus).start();
}
