import type { RoomState } from '../state/room';
import type { MediaSource } from './media-source';

/** What the room needs of each real client's media side (rtc/media-endpoint.ts). */
export interface MediaMember {
  readonly participantSid: string;
  /** Starts or stops receiving `source` as the member's subscription rules say. */
  consider(source: MediaSource): void;
  /** `source` is gone: stop forwarding it and free its m-line. */
  drop(source: MediaSource): void;
}

/**
 * The media router of one room: every real client's published tracks (sources) and every member
 * that may receive them. It only fans out; each member decides what it subscribes to.
 */
export class MediaRoom {
  private readonly members = new Set<MediaMember>();
  private readonly sources = new Map<string, MediaSource>();

  join(member: MediaMember): void {
    if (this.members.has(member)) return;
    this.members.add(member);
    this.reconsider(member);
  }

  /** The member left: its own sources go with it. */
  leave(member: MediaMember): void {
    if (!this.members.delete(member)) return;
    for (const source of [...this.sources.values()]) {
      if (source.participantSid === member.participantSid) this.unpublish(source);
    }
  }

  publish(source: MediaSource): void {
    this.sources.set(source.trackSid, source);
    for (const member of this.members) {
      if (member.participantSid !== source.participantSid) member.consider(source);
    }
  }

  unpublish(source: MediaSource): void {
    if (this.sources.get(source.trackSid) !== source) return;
    this.sources.delete(source.trackSid);
    for (const member of this.members) member.drop(source);
    source.close();
  }

  /** The participant's tracks are now exactly `trackSids`: sources of others are unpublished. */
  prune(participantSid: string, trackSids: ReadonlySet<string>): void {
    for (const source of [...this.sources.values()]) {
      if (source.participantSid === participantSid && !trackSids.has(source.trackSid)) {
        this.unpublish(source);
      }
    }
  }

  /** Re-runs every member's rules for every source (after a subscription or permission change). */
  reconsider(member: MediaMember): void {
    for (const source of this.sources.values()) {
      if (source.participantSid !== member.participantSid) member.consider(source);
    }
  }

  find(trackSid: string): MediaSource | undefined {
    return this.sources.get(trackSid);
  }
}

/** One router per room object: a closed and recreated room starts empty. */
const rooms = new WeakMap<RoomState, MediaRoom>();

export function mediaRoomOf(room: RoomState): MediaRoom {
  let media = rooms.get(room);
  if (!media) {
    media = new MediaRoom();
    rooms.set(room, media);
  }
  return media;
}
