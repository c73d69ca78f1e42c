import 'server-only';

import pLimit from 'p-limit';

import type { LiveEvent } from '@/lib/contracts/live-events';
import type { StoredBan } from '@/lib/db/bans';
import { listActiveBans } from '@/lib/db/bans';
import { BAN_ENFORCEMENT_AUDIT_ACTIONS } from '@/lib/domain/audit/audit-actions';
import { removeBanned } from '@/lib/domain/bans/ban-removal';
import { banCovers, findActiveBan, type JoinSubject } from '@/lib/domain/bans/ban-rules';
import { auditEnforcement, systemActor } from '@/lib/domain/system-enforcement';
import { tenantOf } from '@/lib/domain/tenant';

import { isOwnEvent } from './bus';
import {
  SWEEP_CONCURRENCY,
  SweepingEnforcer,
  type EnforcementPath,
  type SweepingEnforcerOptions,
} from './sweeping-enforcer';

/** The audit action of a removal enforcing a ban. */
export const BAN_ENFORCED_ACTION = BAN_ENFORCEMENT_AUDIT_ACTIONS[0];

/**
 * Makes bans hold: a banned identity that joins is removed again at once, told the reason first
 * (lib/domain/bans/ban-removal.ts). Two ways in, so it holds with webhooks and without:
 *
 * 1. **Joins on the bus** (`participant.joined` from a webhook, from reconciliation of a watched
 *    room, or from an action's read-back; and renames, which a name pattern may now match),
 *    handled after the publisher returns (lib/live/sweeping-enforcer.ts).
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
export class BanEnforcer extends SweepingEnforcer {
  constructor(options: SweepingEnforcerOptions) {
    super(options, 'bans');
  }

  async sweep(): Promise<number> {
    const bans = await listActiveBans(this.now());
    if (bans.length === 0) return 0;
    const rooms = await this.options.source.listRooms();
    const limit = pLimit(SWEEP_CONCURRENCY);
    const removed = await Promise.all(
      rooms.map((room) =>
        limit(async () => {
          const roomTenant = tenantOf(room.metadata);
          const here = bans.filter((ban) => coversRoom(ban, room.name, roomTenant));
          if (here.length === 0) return 0;
          const participants = (await this.participantsOf(room.name)) ?? [];
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

  protected onEvent(event: LiveEvent): void {
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
  private enforce(
    join: JoinSubject,
    sid: string,
    ban: StoredBan,
    via: EnforcementPath,
  ): Promise<boolean> {
    const attempt = {
      actor: systemActor('ban-enforcer', 'Ban enforcement', join.roomTenant),
      action: BAN_ENFORCED_ACTION,
      target: { roomName: join.roomName, identity: join.identity },
      params: { banId: ban.id, participantSid: sid, via },
    };
    return this.removeOnce(join.roomName, sid, () =>
      auditEnforcement(attempt, () => removeBanned(join.roomName, join.identity, ban, this.now())),
    );
  }
}

/** Whether a ban can cover anyone in this room (its room, or every room of its tenant). */
function coversRoom(ban: StoredBan, roomName: string, roomTenant: string | null): boolean {
  if (ban.roomName !== null && ban.roomName !== roomName) return false;
  return ban.tenant === null || ban.tenant === roomTenant;
}
