import type { RTCPeerConnection } from 'werift';
import type { Participant } from '../state/participant';
import type { RoomState } from '../state/room';
import type { ServerMessage } from '../state/sink';
import type { Downlink } from './downlink';
import { mediaRoomOf, type MediaMember, type MediaRoom } from './media-room';
import { MediaSource } from './media-source';

/** A subscription change, from UpdateSubscriptions or from the client itself (same shape). */
export interface SubscriptionChange {
  trackSids: string[];
  subscribe: boolean;
  participantTracks: { participantSid: string; trackSids: string[] }[];
}

export interface EndpointHooks {
  /** The session's participant and its room, unless it left or was replaced. */
  current(): { room: RoomState; participant: Participant } | undefined;
}

/**
 * The media side of one real client, on either signal path: the tracks it publishes (received on
 * `receivePc`, the PC the client offers) become sources of its room's router, and the tracks its
 * subscription rules want are handed to its downlink, which sends them on the PC the path uses
 * (rtc/downlink.ts). `/rtc/v1` receives and sends on its single PC; the legacy `/rtc` path
 * receives on the client's publisher PC and sends on the server's subscriber PC, as the real
 * server's TransportManager does
 * (https://github.com/livekit/livekit/blob/master/pkg/rtc/transportmanager.go).
 */
export class MediaEndpoint implements MediaMember {
  participantSid = '';
  private room: MediaRoom | undefined;
  /** Tracks this client publishes, by track sid. */
  private readonly own = new Map<string, MediaSource>();
  /** UpdateSubscriptions choices by track sid; they override autoSubscribe. */
  private readonly choices = new Map<string, boolean>();
  private closed = false;

  constructor(
    private readonly receivePc: RTCPeerConnection,
    private readonly downlink: Downlink,
    private readonly autoSubscribe: boolean,
    private readonly hooks: EndpointHooks,
  ) {}

  /**
   * Joins (or follows the participant to) its room's router and syncs its published tracks with
   * the m-lines the client has offered: after each offer of `receivePc`, and on the legacy path
   * also right after joining, because a subscribe-only client may never offer its publisher PC.
   */
  sync(): void {
    const current = this.hooks.current();
    if (!current || this.closed) return;
    this.enter(current.room, current.participant);
    this.syncOwn(current.participant);
  }

  /** Subscription changes and updates of participants that concern forwarding. */
  onServerMessage(message: ServerMessage): void {
    if (message.type === 'subscription_update') {
      this.changeSubscriptions(message);
    } else if (message.type === 'participant_update') {
      const { sid, tracks } = message.participant;
      // Its own update may revoke canSubscribe; another's may drop tracks (a moderator's unpublish).
      if (sid === this.participantSid) this.room?.reconsider(this);
      else this.room?.prune(sid, new Set(tracks.map((t) => t.sid)));
    }
  }

  changeSubscriptions(change: SubscriptionChange): void {
    const sids = [...change.trackSids, ...change.participantTracks.flatMap((p) => p.trackSids)];
    for (const sid of sids) this.choices.set(sid, change.subscribe);
    this.room?.reconsider(this);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.room?.leave(this);
    this.downlink.close();
  }

  // ---- MediaMember ----------------------------------------------------------------------------

  consider(source: MediaSource): void {
    if (this.closed) return;
    const wanted = this.wants(source);
    const has = this.downlink.has(source.trackSid);
    if (wanted && !has) this.downlink.add(source);
    else if (!wanted && has) this.downlink.remove(source);
  }

  drop(source: MediaSource): void {
    this.downlink.remove(source);
  }

  // ---- internals ------------------------------------------------------------------------------

  private wants(source: MediaSource): boolean {
    const permission = this.hooks.current()?.participant.info.permission;
    if (!permission?.canSubscribe) return false;
    return this.choices.get(source.trackSid) ?? this.autoSubscribe;
  }

  /** Joins the router of the participant's current room (again after a Cloud move). */
  private enter(room: RoomState, participant: Participant): void {
    const media = mediaRoomOf(room);
    if (media === this.room && participant.sid === this.participantSid) return;
    this.room?.leave(this);
    for (const source of this.own.values()) source.close();
    this.own.clear();
    this.participantSid = participant.sid;
    this.room = media;
    media.join(this);
  }

  /** Published tracks whose m-line the offer carried become sources; unpublished ones end. */
  private syncOwn(participant: Participant): void {
    const room = this.room;
    if (!room) return;
    for (const [sid, source] of this.own) {
      if (participant.findTrack(sid)) continue;
      this.own.delete(sid);
      room.unpublish(source);
    }
    for (const track of participant.info.tracks) {
      if (!track.mid || this.own.has(track.sid)) continue;
      const transceiver = this.receivePc.getTransceivers().find((t) => t.mid === track.mid);
      if (!transceiver) continue;
      const source = MediaSource.from(participant.sid, track.sid, transceiver.receiver);
      if (!source) continue;
      this.own.set(track.sid, source);
      room.publish(source);
    }
  }
}
