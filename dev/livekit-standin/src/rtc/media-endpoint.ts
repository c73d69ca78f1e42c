import { MediaSectionsRequirement, type SignalResponse } from '@livekit/protocol';
import type { RTCPeerConnection, RTCRtpTransceiver } from 'werift';
import type { Participant } from '../state/participant';
import type { RoomState } from '../state/room';
import type { ServerMessage } from '../state/sink';
import { Downtrack } from './downtrack';
import { mediaRoomOf, type MediaMember, type MediaRoom } from './media-room';
import { MediaSource } from './media-source';

type Kind = 'audio' | 'video';

/** A subscription change, from UpdateSubscriptions or from the client itself (same shape). */
export interface SubscriptionChange {
  trackSids: string[];
  subscribe: boolean;
  participantTracks: { participantSid: string; trackSids: string[] }[];
}

export interface EndpointHooks {
  /** The session's participant and its room, unless it left or was replaced. */
  current(): { room: RoomState; participant: Participant } | undefined;
  signal(message: SignalResponse['message']): void;
}

/**
 * The media side of one `/rtc/v1` client (one PeerConnection, the client always offers): the
 * tracks it publishes become sources of its room's router, and the tracks it subscribes to are
 * put on m-lines it offered `recvonly`. The server cannot offer here, so when it needs the client
 * to negotiate (a new subscription, more m-lines, an ended one) it sends a
 * MediaSectionsRequirement; the client adds that many recvonly transceivers and offers again
 * (`sendUnmatchedMediaRequirement` in
 * https://github.com/livekit/livekit/blob/master/pkg/rtc/transport.go; the client side is
 * `onMediaSectionsRequirement` in livekit-client's src/room/RTCEngine.ts).
 */
export class MediaEndpoint implements MediaMember {
  participantSid = '';
  private room: MediaRoom | undefined;
  /** Tracks this client publishes, by track sid. */
  private readonly own = new Map<string, MediaSource>();
  /** Tracks it receives, by track sid. */
  private readonly downtracks = new Map<string, Downtrack>();
  /** Tracks it should receive that wait for an m-line (placed on the next offer). */
  private readonly waiting = new Map<string, MediaSource>();
  /** UpdateSubscriptions choices by track sid; they override autoSubscribe. */
  private readonly choices = new Map<string, boolean>();
  /** M-lines asked for since the last offer, so a burst of changes asks once. */
  private requested = { audio: 0, video: 0 };
  /** Between an applied offer and its answer: changes land in that answer or right after. */
  private negotiating = false;
  /** A change the client has not seen yet (an ended forward) needs one more offer. */
  private dirty = false;
  private requestScheduled = false;
  private closed = false;

  constructor(
    private readonly pc: RTCPeerConnection,
    private readonly autoSubscribe: boolean,
    private readonly hooks: EndpointHooks,
  ) {}

  // ---- the session's negotiation ------------------------------------------------------------

  /** The client's offer is applied (and its published tracks have their mids). */
  onRemoteOffer(): void {
    const current = this.hooks.current();
    if (!current || this.closed) return;
    this.negotiating = true;
    this.requested = { audio: 0, video: 0 };
    this.dirty = false;
    this.enter(current.room, current.participant);
    this.syncOwn(current.participant);
    this.place();
  }

  /** For the answer: which track each sending m-line carries (the SDK's `midToTrackId`). */
  midToTrackId(): Record<string, string> {
    const map: Record<string, string> = {};
    for (const downtrack of this.downtracks.values())
      map[downtrack.mid] = downtrack.source.trackSid;
    return map;
  }

  /** The answer is sent: ask for another offer if something is still waiting. */
  afterAnswer(): void {
    this.negotiating = false;
    if (this.waiting.size > 0 || this.dirty) this.requestOffer();
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
    for (const downtrack of this.downtracks.values()) downtrack.stop();
    this.downtracks.clear();
    this.waiting.clear();
  }

  // ---- MediaMember ----------------------------------------------------------------------------

  consider(source: MediaSource): void {
    if (this.closed) return;
    const wanted = this.wants(source);
    const has = this.downtracks.has(source.trackSid) || this.waiting.has(source.trackSid);
    if (wanted && !has) {
      this.waiting.set(source.trackSid, source);
      this.requestOffer();
    } else if (!wanted && has) {
      this.drop(source);
    }
  }

  drop(source: MediaSource): void {
    if (this.waiting.get(source.trackSid) === source) {
      this.waiting.delete(source.trackSid);
      return;
    }
    const downtrack = this.downtracks.get(source.trackSid);
    if (!downtrack || downtrack.source !== source) return;
    downtrack.stop();
    this.downtracks.delete(source.trackSid);
    this.dirty = true;
    this.requestOffer();
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
      const transceiver = this.pc.getTransceivers().find((t) => t.mid === track.mid);
      if (!transceiver) continue;
      const source = MediaSource.from(participant.sid, track.sid, transceiver.receiver);
      if (!source) continue;
      this.own.set(track.sid, source);
      room.publish(source);
    }
  }

  /** Puts waiting tracks on free m-lines of their kind, in the answer being built. */
  private place(): void {
    for (const [sid, source] of this.waiting) {
      const transceiver = this.freeTransceivers(source.kind)[0];
      if (!transceiver) continue;
      const downtrack = new Downtrack(source, transceiver);
      downtrack.start();
      this.downtracks.set(sid, downtrack);
      this.waiting.delete(sid);
    }
  }

  /**
   * M-lines the client offered to receive on that carry nothing: never used, or marked inactive
   * in an answer already sent (an m-line is not given a new track while the client still
   * receives its previous one).
   */
  private freeTransceivers(kind: Kind): RTCRtpTransceiver[] {
    const used = new Set([...this.downtracks.values()].map((d) => d.transceiver));
    return this.pc
      .getTransceivers()
      .filter(
        (t) =>
          t.kind === kind &&
          t.mid != null &&
          !t.stopping &&
          !t.stopped &&
          t.offerDirection === 'sendonly' &&
          t.currentDirection !== 'sendonly' &&
          !used.has(t),
      );
  }

  /** Asks the client for an offer, with as many new m-lines as the waiting tracks lack. */
  private requestOffer(): void {
    if (this.requestScheduled || this.negotiating) return;
    this.requestScheduled = true;
    // Once per burst: a publisher's camera and microphone arrive in the same offer.
    setImmediate(() => {
      this.requestScheduled = false;
      if (this.closed || this.negotiating) return;
      const missing = (kind: Kind): number => {
        const waiting = [...this.waiting.values()].filter((s) => s.kind === kind).length;
        const free = this.freeTransceivers(kind).length;
        return Math.max(0, waiting - free - this.requested[kind]);
      };
      const numAudios = missing('audio');
      const numVideos = missing('video');
      this.requested.audio += numAudios;
      this.requested.video += numVideos;
      this.hooks.signal({
        case: 'mediaSectionsRequirement',
        value: new MediaSectionsRequirement({ numAudios, numVideos }),
      });
    });
  }
}
