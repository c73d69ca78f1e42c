import 'server-only';

import pLimit from 'p-limit';

import type { LiveEvent } from '@/lib/contracts/live-events';
import { listAdmitted, listRoomLocks } from '@/lib/db/room-locks';
import { enforceRoomLock, forgetRoomLock } from '@/lib/domain/room-locks/enforce-room-lock';
import { exemptReason, lockExemption } from '@/lib/domain/room-locks/lock-rules';
import { tenantOf } from '@/lib/domain/tenant';

import { isOwnEvent } from './bus';
import {
  SWEEP_CONCURRENCY,
  SweepingEnforcer,
  type EnforcementPath,
  type SweepingEnforcerOptions,
} from './sweeping-enforcer';

/**
 * Makes room locks hold (docs/moderation.md, "Room lock"): whoever joins a locked room after the
 * lock — neither admitted when it was locked, nor allow-listed, nor a moderator, agent, egress or
 * recorder — is told why and removed (lib/domain/room-locks/enforce-room-lock.ts). Like the ban
 * enforcer, on the same machinery (lib/live/sweeping-enforcer.ts), with two ways in:
 *
 * 1. **Joins on the bus** (`participant.joined` from a webhook, from reconciliation of a watched
 *    room, or from an action's read-back). The listener only queues: the webhook receiver must
 *    answer LiveKit in milliseconds, so the store reads and the removal run afterwards. A
 *    participant exempt by what the event itself says (an agent, a moderator) costs no read.
 * 2. **A sweep by the reconciliation leader** every interval while any room is locked: ListRooms,
 *    then ListParticipants of each locked room. This is what holds when webhooks are off and
 *    nobody watches the room. A lock whose room is no longer listed is forgotten.
 *
 * Several instances: each acts only on events it published (`isOwnEvent`), the sweep runs on the
 * leader only, and a second removal finds nobody (no audit row). A `room.finished` the instance
 * published forgets the room's lock and suspension: a later room of that name is a new meeting.
 */
export class RoomLockEnforcer extends SweepingEnforcer {
  constructor(options: SweepingEnforcerOptions) {
    super(options, 'room lock');
  }

  async sweep(): Promise<number> {
    const locks = await listRoomLocks();
    if (locks.length === 0) return 0;
    const rooms = new Map(
      (await this.options.source.listRooms()).map((room) => [room.name, room] as const),
    );
    const limit = pLimit(SWEEP_CONCURRENCY);
    const removed = await Promise.all(
      locks.map((lock) =>
        limit(async () => {
          const room = rooms.get(lock.roomName);
          if (!room) {
            await forgetRoomLock(lock.roomName);
            return 0;
          }
          const participants = (await this.participantsOf(room.name)) ?? [];
          const outsiders = participants.filter((p) => !lockExemption(p, lock));
          if (outsiders.length === 0) return 0;
          const admitted = await listAdmitted(room.name);
          const tenant = tenantOf(room.metadata);
          let count = 0;
          for (const participant of outsiders) {
            if (admitted.has(participant.sid)) continue;
            const target = { roomName: room.name, tenant, participant, lock, admitted };
            if (await this.enforce(target, 'sweep')) count += 1;
          }
          return count;
        }),
      ),
    );
    return removed.reduce((a, b) => a + b, 0);
  }

  protected onEvent(event: LiveEvent): void {
    if (!isOwnEvent(this.options.bus, event)) return;
    if (event.type === 'room.finished') {
      this.track(forgetRoomLock(event.roomName));
      return;
    }
    if (event.type !== 'participant.joined') return;
    // Exempt by what the event says (a moderator, an agent…): no store read at all.
    if (exemptReason(event.participant)) return;
    const target = {
      roomName: event.roomName,
      tenant: event.tenant,
      participant: event.participant,
    };
    this.track(this.enforce(target, event.origin));
  }

  /** Applies the lock to one participant session; true when this call removed it. */
  private enforce(
    target: Omit<Parameters<typeof enforceRoomLock>[0], 'via'>,
    via: EnforcementPath,
  ): Promise<boolean> {
    return this.removeOnce(
      target.roomName,
      target.participant.sid,
      async () => (await enforceRoomLock({ ...target, via })) === 'removed',
    );
  }
}
