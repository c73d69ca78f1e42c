import 'server-only';

import type { NewLiveEvent } from '@/lib/contracts/live-events';
import { observeAudit, type SettledAudit } from '@/lib/domain/audit-observers';
import { tenantOf } from '@/lib/domain/tenant';
import { listParticipants, listRooms } from '@/lib/livekit/room-service';

import type { LiveBus } from './bus';
import { knownState, type KnownState } from './known-state';
import { processSingleton } from './process-singleton';
import { reconcilePass, TouchTracker, type ReconcileSource } from './reconciler-pass';
import type { Timers } from './reconciler';
import { roomGone } from './room-diff';

/** A burst of actions on one room (a bulk mute) settles within this; it causes one refresh. */
export const REFRESH_DEBOUNCE_MS = 25;
/** A steady stream of actions still refreshes the room this often. */
export const REFRESH_MAX_WAIT_MS = 1000;

export interface ActionEventsOptions {
  bus: LiveBus;
  known: KnownState;
  source: ReconcileSource;
  now?: () => number;
  timers?: Timers;
  log?: Pick<Console, 'warn'>;
}

interface RoomRefresh {
  firstAtMs: number;
  timer: unknown;
  running: boolean;
  again: boolean;
  done: Promise<void>;
  resolve: () => void;
}

const defaultTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Moderator actions published at once, on the instance that took them (leader or not): the
 * `moderation.action` event as soon as the audit row settles, then the action's effect, read back
 * from LiveKit by a reconciliation of just that room (origin `action`), so views change without
 * waiting for a webhook or the next tick; a track mute's effect is known without reading it back.
 * Deleting a room finishes it at once: LiveKit has already disconnected everyone with
 * ROOM_DELETED (docs/livekit-behaviour.md §3.3).
 */
export class ActionEvents {
  private readonly now: () => number;
  private readonly timers: Timers;
  private readonly log: Pick<Console, 'warn'>;
  private readonly touches: TouchTracker;
  private readonly refreshes = new Map<string, RoomRefresh>();
  private pendingTenants = 0;
  private warned = false;

  constructor(private readonly options: ActionEventsOptions) {
    this.now = options.now ?? Date.now;
    this.timers = options.timers ?? defaultTimers;
    this.log = options.log ?? console;
    this.touches = new TouchTracker(options.bus);
  }

  /** The audit observer: never throws, never waits. */
  onAudit(entry: SettledAudit): void {
    const roomName = entry.target?.roomName;
    // Actions on users or the audit log concern no room and no live view.
    if (!roomName) return;
    const tenant = this.knownTenant(entry, roomName);
    if (tenant !== undefined) this.publishAction(entry, roomName, tenant);
    else {
      this.pendingTenants += 1;
      void this.lookUpTenant(entry, roomName)
        .then((found) => this.publishAction(entry, roomName, found))
        .finally(() => (this.pendingTenants -= 1));
    }
    if (entry.outcome !== 'success') return;
    if (entry.action === 'room.deleted') this.finishRoom(roomName, entry.atMs);
    else if (!this.publishTrackMute(entry, roomName)) this.refreshRoom(roomName);
    const destination = entry.params?.destinationRoom;
    if (typeof destination === 'string' && destination) this.refreshRoom(destination);
  }

  /** Schedules a reconciliation of one room; a burst of calls makes one. */
  refreshRoom(roomName: string): void {
    let refresh = this.refreshes.get(roomName);
    if (!refresh) {
      let resolve!: () => void;
      const done = new Promise<void>((r) => (resolve = r));
      refresh = {
        firstAtMs: this.now(),
        timer: undefined,
        running: false,
        again: false,
        done,
        resolve,
      };
      this.refreshes.set(roomName, refresh);
    }
    if (refresh.running) {
      refresh.again = true;
      return;
    }
    this.timers.clear(refresh.timer);
    const latest = refresh.firstAtMs + REFRESH_MAX_WAIT_MS - this.now();
    const wait = Math.max(0, Math.min(REFRESH_DEBOUNCE_MS, latest));
    refresh.timer = this.timers.set(() => void this.runRefresh(roomName), wait);
  }

  /** For tests: resolves once no refresh is scheduled or running and every action is published. */
  async settled(): Promise<void> {
    while (this.refreshes.size > 0 || this.pendingTenants > 0) {
      const pending = [...this.refreshes.values()].map((r) => r.done);
      await (pending.length > 0 ? Promise.all(pending) : new Promise((r) => setTimeout(r, 1)));
    }
  }

  close(): void {
    for (const refresh of this.refreshes.values()) this.timers.clear(refresh.timer);
    this.touches.stop();
  }

  private async runRefresh(roomName: string): Promise<void> {
    const refresh = this.refreshes.get(roomName);
    if (!refresh) return;
    refresh.timer = undefined;
    refresh.running = true;
    const { known, bus, source } = this.options;
    try {
      await reconcilePass(
        { source, known, touches: this.touches },
        {
          roomNames: [roomName],
          // Only a room whose participants are known can be diffed; otherwise every participant
          // would look new. Watched rooms' participants are known on every instance.
          participantRooms: known.participants(roomName) ? [roomName] : [],
          concurrency: 1,
        },
        { atMs: this.now(), origin: 'action' },
        (event) => bus.publish(event),
      );
      this.warned = false;
    } catch (err) {
      // The next reconciliation tick brings the effect instead; say so once per outage.
      if (!this.warned) {
        this.warned = true;
        this.log.warn(`[moderato] live: could not read back a moderator action: ${String(err)}`);
      }
    }
    refresh.running = false;
    if (refresh.again) {
      refresh.again = false;
      refresh.firstAtMs = this.now();
      this.refreshRoom(roomName);
      return;
    }
    this.refreshes.delete(roomName);
    refresh.resolve();
  }

  /**
   * A track muted or unmuted by a moderator, published from what is known: LiveKit answered the
   * call with that track (lib/domain/participants/mute-track.ts), so reading the room back would
   * only confirm it, at the cost of listing every participant once per burst — most of the live
   * layer's share of a bulk mute of a thousand tracks (bench:bulk profile). Answers false when the
   * participant or track is not known here; the room is then read back as for any action.
   */
  private publishTrackMute(entry: SettledAudit, roomName: string): boolean {
    const muted =
      entry.action === 'track.muted' ? true : entry.action === 'track.unmuted' ? false : null;
    const { identity, trackSid } = entry.target ?? {};
    if (muted === null || !identity || !trackSid) return false;
    const { known, bus } = this.options;
    const tenant = known.tenantOf(roomName);
    const participant = known.participant(roomName, identity);
    const track = participant?.tracks.find((t) => t.sid === trackSid);
    if (tenant === undefined || !participant || !track) return false;
    if (track.muted === muted) return true;
    const event: NewLiveEvent = {
      type: muted ? 'track.muted' : 'track.unmuted',
      atMs: entry.atMs,
      origin: 'action',
      roomName,
      tenant,
      identity,
      participantSid: participant.sid,
      track: { ...track, muted },
    };
    if (!known.isStale(event)) bus.publish(event);
    return true;
  }

  private finishRoom(roomName: string, atMs: number): void {
    const { known, bus } = this.options;
    const room = known.room(roomName);
    if (!room) return;
    const ctx = { atMs, origin: 'action' as const };
    for (const event of roomGone(room, known.participants(roomName), 'ROOM_DELETED', ctx)) {
      if (!known.isStale(event)) bus.publish(event);
    }
  }

  /**
   * The room's tenant, never the actor's as such: a tenant user's refused attempt on another
   * tenant's room belongs to that room's tenant. Undefined when it must be asked of LiveKit.
   */
  private knownTenant(entry: SettledAudit, roomName: string): string | null | undefined {
    const known = this.options.known.tenantOf(roomName);
    if (known !== undefined) return known;
    // A tenant-bound actor can only succeed on its own tenant's rooms (lib/domain/policy.ts).
    if (entry.outcome === 'success' && entry.actor.tenant !== null) return entry.actor.tenant;
    return undefined;
  }

  private async lookUpTenant(entry: SettledAudit, roomName: string): Promise<string | null> {
    try {
      const [room] = await this.options.source.listRooms([roomName]);
      if (room) return tenantOf(room.metadata);
    } catch {
      // LiveKit is down: the attempt concerned no room we can see; the actor's scope is the safe one.
    }
    return entry.actor.tenant;
  }

  private publishAction(entry: SettledAudit, roomName: string, tenant: string | null): void {
    const event: NewLiveEvent = {
      type: 'moderation.action',
      atMs: entry.atMs,
      origin: 'action',
      roomName,
      tenant,
      action: entry.action,
      actorName: entry.actor.name,
      identity: entry.target?.identity ?? null,
      trackSid: entry.target?.trackSid ?? null,
      outcome: entry.outcome,
      errorCode: entry.errorCode ?? null,
    };
    this.options.bus.publish(event);
  }
}

export function actionEvents(bus: LiveBus): ActionEvents {
  return processSingleton(
    'live.actionEvents',
    () => new ActionEvents({ bus, known: knownState(), source: { listRooms, listParticipants } }),
  );
}

/** Started from start.ts: moderator actions reach the bus as soon as they settle. */
export function startActionEvents(bus: LiveBus): void {
  const events = actionEvents(bus);
  observeAudit((entry) => events.onAudit(entry));
}
