import 'server-only';

import type { ParticipantDto, RoomDto, TrackDto } from '@/lib/contracts/dto';
import type { LeaveReason, LiveEvent, NewLiveEvent } from '@/lib/contracts/live-events';

import type { LiveBus } from './bus';
import { processSingleton } from './process-singleton';

/** What this instance believes about a live room. */
export interface KnownRoom {
  room: RoomDto;
  sid: string;
  /** The room's `auth_id`; null = no tenant. */
  tenant: string | null;
}

/**
 * How long a terminal fact (a participant left, a room finished, a track was unpublished) is kept
 * to reject late deliveries that contradict it. LiveKit retries a webhook for a few minutes at
 * most, and reconciliation heals anything older; the cap bounds memory if sids churn quickly.
 */
export const TOMBSTONE_TTL_MS = 15 * 60_000;
export const TOMBSTONE_MAX = 50_000;

/** Sid → (expiry, value), oldest first; expired and overflowing entries are dropped on write. */
class Tombstones<V> {
  private readonly entries = new Map<string, { expiresAtMs: number; value: V }>();

  constructor(private readonly now: () => number) {}

  add(sid: string, value: V): void {
    if (!sid) return;
    this.entries.delete(sid);
    this.entries.set(sid, { expiresAtMs: this.now() + TOMBSTONE_TTL_MS, value });
    this.prune();
  }

  get(sid: string): V | undefined {
    const entry = this.entries.get(sid);
    if (!entry) return undefined;
    if (entry.expiresAtMs <= this.now()) {
      this.entries.delete(sid);
      return undefined;
    }
    return entry.value;
  }

  has(sid: string): boolean {
    return this.get(sid) !== undefined;
  }

  get size(): number {
    return this.entries.size;
  }

  private prune(): void {
    const now = this.now();
    for (const [sid, entry] of this.entries) {
      // Insertion order is expiry order (same TTL for all), so the first live one ends the scan.
      if (entry.expiresAtMs > now && this.entries.size <= TOMBSTONE_MAX) break;
      this.entries.delete(sid);
    }
  }
}

/**
 * The rooms and participants this instance knows, built only from bus events (whichever instance
 * published them), so every instance converges on the same picture. Reconciliation diffs LiveKit's
 * answers against it; the webhook receiver asks `isStale` before publishing; SSE filtering asks
 * `tenantOf`. Participants are known only for rooms something reported participants of (a
 * webhook, or reconciliation listing a watched room).
 */
export class KnownState {
  private readonly roomsByName = new Map<string, KnownRoom>();
  /** roomName → identity → participant (with its sid and tracks). */
  private readonly people = new Map<string, Map<string, ParticipantDto>>();
  private readonly leftParticipants: Tombstones<LeaveReason>;
  private readonly finishedRooms: Tombstones<true>;
  private readonly unpublishedTracks: Tombstones<true>;

  constructor(private readonly now: () => number = Date.now) {
    this.leftParticipants = new Tombstones(now);
    this.finishedRooms = new Tombstones(now);
    this.unpublishedTracks = new Tombstones(now);
  }

  /** Subscribes to the bus: every event of every instance updates the model. */
  follow(bus: LiveBus): () => void {
    return bus.subscribe((event) => this.apply(event));
  }

  /**
   * Whether an event contradicts a terminal fact already known, so publishing it would resurrect
   * something: a participant sid that left never rejoins (LiveKit gives a reconnecting client a
   * new sid), a room sid that finished never restarts, an unpublished track sid is not re-muted.
   * A participant row older (lower `version`) than the known one is stale too: a slow
   * `participant_joined` must not undo what reconciliation already saw.
   * A `participant.left` repeating a known leave is stale too, unless it brings the real reason
   * for a leave reconciliation could only report as UNKNOWN_REASON.
   */
  isStale(event: NewLiveEvent | LiveEvent): boolean {
    switch (event.type) {
      case 'room.started':
      case 'room.updated':
        return this.finishedRooms.has(event.room.sid);
      case 'room.finished':
        return this.finishedRooms.has(event.roomSid);
      case 'participant.joined':
      case 'participant.updated': {
        const { sid, identity, version } = event.participant;
        const current = this.people.get(event.roomName)?.get(identity);
        // LiveKit bumps a participant's version at every change: a lower one is an older row.
        const older = current?.sid === sid && current.version > version;
        return older || this.leftParticipants.has(sid);
      }
      case 'participant.left': {
        const known = this.leftParticipants.get(event.participantSid);
        return known !== undefined && (known !== 'UNKNOWN_REASON' || event.reason === known);
      }
      case 'track.published':
      case 'track.muted':
      case 'track.unmuted':
        return (
          this.leftParticipants.has(event.participantSid) ||
          this.unpublishedTracks.has(event.track.sid)
        );
      case 'track.unpublished':
        return this.unpublishedTracks.has(event.track.sid);
      case 'moderation.action':
      case 'bulk.progress':
      case 'bulk.cancel_requested':
        return false;
    }
  }

  /** The room's tenant: a string, null (a room without tenant), or undefined (unknown room). */
  tenantOf(roomName: string): string | null | undefined {
    return this.roomsByName.get(roomName)?.tenant;
  }

  room(roomName: string): KnownRoom | undefined {
    return this.roomsByName.get(roomName);
  }

  rooms(): KnownRoom[] {
    return [...this.roomsByName.values()];
  }

  /** The room's participants, or undefined when they are not known on this instance. */
  participants(roomName: string): ParticipantDto[] | undefined {
    const byIdentity = this.people.get(roomName);
    return byIdentity ? [...byIdentity.values()] : undefined;
  }

  participant(roomName: string, identity: string): ParticipantDto | undefined {
    return this.people.get(roomName)?.get(identity);
  }

  /**
   * Marks a room's participants as known (possibly none): reconciliation calls it after listing a
   * room, so an empty room is "known empty" rather than unknown.
   */
  knowParticipants(roomName: string): void {
    if (!this.people.has(roomName)) this.people.set(roomName, new Map());
  }

  /** Forgets a room's participants (nobody watches it any more; webhooks alone may drift). */
  forgetParticipants(roomName: string): void {
    this.people.delete(roomName);
  }

  apply(event: LiveEvent | NewLiveEvent): void {
    if (this.isStale(event)) return;
    switch (event.type) {
      case 'room.started':
      case 'room.updated':
        this.setRoom(event.room, event.tenant);
        return;
      case 'room.finished': {
        this.finishedRooms.add(event.roomSid, true);
        const current = this.roomsByName.get(event.roomName);
        // A late finish of an earlier session must not remove the room's current session.
        if (!current || !event.roomSid || current.sid === event.roomSid) {
          this.roomsByName.delete(event.roomName);
          this.people.delete(event.roomName);
        }
        return;
      }
      case 'participant.joined':
      case 'participant.updated':
        this.peopleOf(event.roomName).set(event.participant.identity, event.participant);
        return;
      case 'participant.left': {
        this.leftParticipants.add(event.participantSid, event.reason);
        const byIdentity = this.people.get(event.roomName);
        // The identity may already belong to a newer session (DUPLICATE_IDENTITY, a reconnect).
        if (byIdentity?.get(event.identity)?.sid === event.participantSid) {
          byIdentity.delete(event.identity);
        }
        return;
      }
      case 'track.published':
      case 'track.muted':
      case 'track.unmuted':
        this.updateTracks(event.roomName, event.identity, event.participantSid, (tracks) => [
          ...tracks.filter((t) => t.sid !== event.track.sid),
          event.track,
        ]);
        return;
      case 'track.unpublished':
        this.unpublishedTracks.add(event.track.sid, true);
        this.updateTracks(event.roomName, event.identity, event.participantSid, (tracks) =>
          tracks.filter((t) => t.sid !== event.track.sid),
        );
        return;
      case 'moderation.action':
      case 'bulk.progress':
      case 'bulk.cancel_requested':
        return;
    }
  }

  /** For tests and diagnostics: how many terminal facts are remembered. */
  tombstoneCount(): number {
    return this.leftParticipants.size + this.finishedRooms.size + this.unpublishedTracks.size;
  }

  private setRoom(room: RoomDto, tenant: string | null): void {
    const current = this.roomsByName.get(room.name);
    // A new session of the same name: the previous session's participants are gone.
    if (current && current.sid !== room.sid) this.people.delete(room.name);
    this.roomsByName.set(room.name, { room, sid: room.sid, tenant });
  }

  private peopleOf(roomName: string): Map<string, ParticipantDto> {
    let byIdentity = this.people.get(roomName);
    if (!byIdentity) {
      byIdentity = new Map();
      this.people.set(roomName, byIdentity);
    }
    return byIdentity;
  }

  private updateTracks(
    roomName: string,
    identity: string,
    participantSid: string,
    change: (tracks: TrackDto[]) => TrackDto[],
  ): void {
    const byIdentity = this.people.get(roomName);
    const participant = byIdentity?.get(identity);
    if (!byIdentity || !participant || participant.sid !== participantSid) return;
    const tracks = change(participant.tracks);
    // LiveKit marks a participant a publisher at its first track and never unmarks it.
    const isPublisher = participant.isPublisher || tracks.length > participant.tracks.length;
    byIdentity.set(identity, { ...participant, tracks, isPublisher });
  }
}

/** This process's known state (one per process, whichever bundle asks). */
export function knownState(): KnownState {
  return processSingleton('live.knownState', () => new KnownState());
}

/** Started from start.ts: the process's known state follows the bus. */
export function startKnownState(bus: LiveBus): void {
  knownState().follow(bus);
}
