import 'server-only';

import pLimit from 'p-limit';

import type { ParticipantDto } from '@/lib/contracts/dto';
import type { LiveEvent } from '@/lib/contracts/live-events';
import { ROLE_PERMISSIONS } from '@/lib/contracts/permissions';
import type { StoredBan } from '@/lib/db/bans';
import { listActiveBans } from '@/lib/db/bans';
import type { Actor } from '@/lib/domain/actor';
import { recordAudit } from '@/lib/domain/audit';
import { BAN_ENFORCEMENT_AUDIT_ACTIONS } from '@/lib/domain/audit/audit-actions';
import { notifyAuditObservers } from '@/lib/domain/audit-observers';
import { removeBanned } from '@/lib/domain/bans/ban-removal';
import { banCovers, findActiveBan, type JoinSubject } from '@/lib/domain/bans/ban-rules';
import { DomainError } from '@/lib/domain/errors';
import { tenantOf } from '@/lib/domain/tenant';
import type { LiveKitRoom } from '@/lib/livekit/to-dto';

import { isOwnEvent, type LiveBus } from './bus';

/** The audit action of a removal enforcing a ban. */
export const BAN_ENFORCED_ACTION = BAN_ENFORCEMENT_AUDIT_ACTIONS[0];
/** A participant session removed within this long is not removed again (duplicate events). */
const RECENT_MS = 60_000;
const SWEEP_CONCURRENCY = 4;

/** Where a join was seen: its live event (webhook, reconciliation, read-back) or the sweep. */
export type EnforcementPath = LiveEvent['origin'] | 'sweep';

export interface BanEnforcerOptions {
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
 * The system actor enforcement is audited as. Its tenant is the room's, so the removal shows in
 * that tenant's audit log (it never names another tenant: the ban id is all it references).
 */
function enforcerActor(tenant: string | null): Actor {
  return {
    userId: 'system:ban-enforcer',
    username: 'ban enforcement',
    name: 'Ban enforcement',
    role: 'admin',
    permissions: ROLE_PERMISSIONS.admin,
    tenant,
    rooms: null,
    source: 'system',
  };
}

/**
 * Makes bans hold: a banned identity that joins is removed again at once, told the reason first
 * (lib/domain/bans/ban-removal.ts). Two ways in, so it holds with webhooks and without:
 *
 * 1. **Joins on the bus** (`participant.joined` from a webhook, from reconciliation of a watched
 *    room, or from an action's read-back; and renames, which a name pattern may now match). The bus listener only queues: the webhook receiver
 *    publishes synchronously and must answer LiveKit in milliseconds, so the store read and the
 *    removal run afterwards, never in its way.
 * 2. **A sweep by the reconciliation leader** every interval while any ban is active: ListRooms,
 *    then ListParticipants of each room an active ban covers (every room, while a ban for every
 *    room exists). This is what holds when webhooks are off and nobody watches the room.
 *
 * **Several instances: act once, and idempotently when not.** Every instance hears every event,
 * but each acts only on events it published itself (their ids carry its instance id): a webhook is
 * published by the one instance that received it (de-duplicated through Redis), reconciliation and
 * the sweep run on the leader only. Should two paths still meet (a webhook and the leader's sweep
 * seeing the same join), the second RemoveParticipant finds nobody: that answers "already gone",
 * writes no audit row and logs nothing. A participant session removed on this instance in the last
 * minute is skipped outright.
 *
 * Each removal writes one audit row, `participant.ban_enforced`, by the system actor, with the
 * ban's id and the path that saw the join. Expired and lifted bans never match.
 */
export class BanEnforcer {
  private readonly now: () => number;
  private readonly log: Pick<Console, 'warn'>;
  private readonly recent = new Map<string, number>();
  private readonly pending = new Set<Promise<void>>();
  private readonly unsubscribe: () => void;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stopped = true;

  constructor(private readonly options: BanEnforcerOptions) {
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

  /**
   * One sweep (the loop calls it on the leader; tests call it directly). Answers how many
   * participants it removed.
   */
  async sweep(): Promise<number> {
    const nowMs = this.now();
    const bans = await listActiveBans(nowMs);
    if (bans.length === 0) return 0;
    const rooms = await this.options.source.listRooms();
    const limit = pLimit(SWEEP_CONCURRENCY);
    const removed = await Promise.all(
      rooms.map((room) =>
        limit(async () => {
          const roomTenant = tenantOf(room.metadata);
          const here = bans.filter((ban) => coversRoom(ban, room.name, roomTenant));
          if (here.length === 0) return 0;
          let participants: ParticipantDto[];
          try {
            participants = await this.options.source.listParticipants(room.name);
          } catch (err) {
            // The room ended meanwhile; anything else is retried next sweep.
            if (!(err instanceof DomainError && err.code === 'not_found')) throw err;
            return 0;
          }
          let count = 0;
          for (const p of participants) {
            const join = { roomName: room.name, roomTenant, identity: p.identity, name: p.name };
            const ban = here.find((b) => banCovers(b, join));
            if (ban && (await this.enforce(join, p.sid, ban, 'sweep'))) count += 1;
          }
          return count;
        }),
      ),
    );
    return removed.reduce((a, b) => a + b, 0);
  }

  private onEvent(event: LiveEvent): void {
    if (!isOwnEvent(this.options.bus, event)) return;
    // A join, or a rename that may now match a ban's name pattern.
    const renamed = event.type === 'participant.updated' && event.changed.includes('name');
    if (event.type !== 'participant.joined' && !renamed) return;
    const { participant } = event;
    const join: JoinSubject = {
      roomName: event.roomName,
      roomTenant: event.tenant,
      identity: participant.identity,
      name: participant.name,
    };
    this.track(this.check(join, participant.sid, event.origin));
  }

  private track(work: Promise<void>): void {
    const tracked = work.catch((err: unknown) => {
      this.log.warn(`[moderato] bans: enforcement failed: ${String(err)}`);
    });
    this.pending.add(tracked);
    void tracked.finally(() => this.pending.delete(tracked));
  }

  private async check(join: JoinSubject, sid: string, via: EnforcementPath): Promise<void> {
    if (this.recentlyRemoved(join.roomName, sid)) return;
    const ban = await findActiveBan(join.roomName, join.identity, {
      roomTenant: join.roomTenant,
      name: join.name,
      nowMs: this.now(),
    });
    if (ban) await this.enforce(join, sid, ban, via);
  }

  /** Removes one participant session for a ban; true when this call removed it. */
  private async enforce(
    join: JoinSubject,
    sid: string,
    ban: StoredBan,
    via: EnforcementPath,
  ): Promise<boolean> {
    const key = `${join.roomName}\n${sid}`;
    if (this.recentlyRemoved(join.roomName, sid)) return false;
    this.recent.set(key, this.now());
    const actor = enforcerActor(join.roomTenant);
    const attempt = {
      actor,
      action: BAN_ENFORCED_ACTION,
      target: { roomName: join.roomName, identity: join.identity },
      params: { banId: ban.id, participantSid: sid, via },
    };
    try {
      if (!(await removeBanned(join.roomName, join.identity, ban, this.now()))) return false;
    } catch (err) {
      // Let the next event or sweep try again.
      this.recent.delete(key);
      const errorCode = err instanceof DomainError ? err.code : 'internal';
      await recordAudit({ ...attempt, outcome: 'error', errorCode });
      notifyAuditObservers({ ...attempt, outcome: 'error', errorCode, atMs: this.now() });
      throw err;
    }
    await recordAudit({ ...attempt, outcome: 'success' });
    notifyAuditObservers({ ...attempt, outcome: 'success', atMs: this.now() });
    return true;
  }

  private recentlyRemoved(roomName: string, sid: string): boolean {
    const nowMs = this.now();
    for (const [key, atMs] of this.recent) {
      if (nowMs - atMs < RECENT_MS) break;
      this.recent.delete(key);
    }
    return this.recent.has(`${roomName}\n${sid}`);
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

/** Whether a ban can cover anyone in this room (its room, or every room of its tenant). */
function coversRoom(ban: StoredBan, roomName: string, roomTenant: string | null): boolean {
  if (ban.roomName !== null && ban.roomName !== roomName) return false;
  return ban.tenant === null || ban.tenant === roomTenant;
}
