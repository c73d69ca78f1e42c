import 'server-only';

import pLimit from 'p-limit';

import type { ParticipantDto } from '@/lib/contracts/dto';
import type { LiveEvent } from '@/lib/contracts/live-events';
import { listAdmitted, listRoomLocks } from '@/lib/db/room-locks';
import { DomainError } from '@/lib/domain/errors';
import { enforceRoomLock, forgetRoomLock } from '@/lib/domain/room-locks/enforce-room-lock';
import { exemptReason, lockExemption } from '@/lib/domain/room-locks/lock-rules';
import { tenantOf } from '@/lib/domain/tenant';
import type { LiveKitRoom } from '@/lib/livekit/to-dto';

import { isOwnEvent, type LiveBus } from './bus';

/** A participant session removed within this long is not removed again (duplicate events). */
const RECENT_MS = 60_000;
const SWEEP_CONCURRENCY = 4;

export interface RoomLockEnforcerOptions {
  bus: LiveBus;
  /** Whether this instance is the reconciliation leader: only the leader sweeps. */
  isLeader: () => boolean;
  source: {
    listRooms(): Promise<LiveKitRoom[]>;
    listParticipants(roomName: string): Promise<ParticipantDto[]>;
  };
  /** The sweep's interval (the reconciliation interval). */
  intervalMs: number;
  now?: () => number;
  log?: Pick<Console, 'warn'>;
}

/**
 * Makes room locks hold (docs/moderation.md, "Room lock"): whoever joins a locked room after the
 * lock — neither admitted when it was locked, nor allow-listed, nor a moderator, agent, egress or
 * recorder — is told why and removed (lib/domain/room-locks/enforce-room-lock.ts). Modelled on
 * the ban enforcer (lib/live/ban-enforcer.ts), with the same two ways in:
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
export class RoomLockEnforcer {
  private readonly now: () => number;
  private readonly log: Pick<Console, 'warn'>;
  private readonly recent = new Map<string, number>();
  private readonly pending = new Set<Promise<void>>();
  private readonly unsubscribe: () => void;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stopped = true;

  constructor(private readonly options: RoomLockEnforcerOptions) {
    this.now = options.now ?? Date.now;
    this.log = options.log ?? console;
    this.unsubscribe = options.bus.subscribe((event) => this.onEvent(event));
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.idle();
  }

  async close(): Promise<void> {
    this.unsubscribe();
    await this.stop();
  }

  /** Whether enforcement work is queued or running. */
  get busy(): boolean {
    return this.pending.size > 0;
  }

  /** Resolves once every enforcement queued so far has finished (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  /** One sweep (the loop calls it on the leader; tests call it directly): how many it removed. */
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
          let participants: ParticipantDto[];
          try {
            participants = await this.options.source.listParticipants(room.name);
          } catch (err) {
            // The room ended meanwhile; anything else is retried next sweep.
            if (!(err instanceof DomainError && err.code === 'not_found')) throw err;
            return 0;
          }
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

  private onEvent(event: LiveEvent): void {
    if (!isOwnEvent(this.options.bus, event)) return;
    if (event.type === 'room.finished') {
      this.track(forgetRoomLock(event.roomName).then(() => undefined));
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
    this.track(this.enforce(target, event.origin).then(() => undefined));
  }

  private track(work: Promise<void>): void {
    const tracked = work.catch((err: unknown) => {
      this.log.warn(`[moderato] room lock: enforcement failed: ${String(err)}`);
    });
    this.pending.add(tracked);
    void tracked.finally(() => this.pending.delete(tracked));
  }

  /** Applies the lock to one participant session; true when this call removed it. */
  private async enforce(
    target: Omit<Parameters<typeof enforceRoomLock>[0], 'via'>,
    via: string,
  ): Promise<boolean> {
    const key = `${target.roomName}\n${target.participant.sid}`;
    if (this.recentlyRemoved(key)) return false;
    // Claimed before the removal: a second event of the same join (webhook and reconciliation)
    // neither notifies nor removes again.
    this.recent.set(key, this.now());
    let outcome: Awaited<ReturnType<typeof enforceRoomLock>>;
    try {
      outcome = await enforceRoomLock({ ...target, via });
    } catch (err) {
      this.recent.delete(key);
      throw err;
    }
    if (outcome === 'removed') return true;
    this.recent.delete(key);
    return false;
  }

  private recentlyRemoved(key: string): boolean {
    const nowMs = this.now();
    for (const [k, atMs] of this.recent) {
      if (nowMs - atMs < RECENT_MS) break;
      this.recent.delete(k);
    }
    return this.recent.has(key);
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      if (this.stopped) return;
      const run = this.options.isLeader() ? this.sweep().then(() => undefined) : Promise.resolve();
      this.track(run);
      void run.catch(() => undefined).finally(() => this.schedule());
    }, this.options.intervalMs);
    this.timer.unref?.();
  }
}
