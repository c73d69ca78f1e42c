import { MediaSectionsRequirement, type SignalResponse } from '@livekit/protocol';
import type { RTCPeerConnection, RTCRtpTransceiver } from 'werift';
import type { Downlink } from './downlink';
import { Downtrack } from './downtrack';
import type { MediaSource } from './media-source';

type Kind = 'audio' | 'video';

/**
 * Subscribed tracks of a `/rtc/v1` client (one PeerConnection, the client always offers): they
 * are put on m-lines it offered `recvonly`. The server cannot offer here, so when it needs the
 * client to negotiate (a new subscription, more m-lines, an ended one) it sends a
 * MediaSectionsRequirement; the client adds that many recvonly transceivers and offers again
 * (`sendUnmatchedMediaRequirement` in
 * https://github.com/livekit/livekit/blob/master/pkg/rtc/transport.go; the client side is
 * `onMediaSectionsRequirement` in livekit-client's src/room/RTCEngine.ts).
 *
 * The session calls `offerApplied`, then (after the endpoint synced its published tracks)
 * `place` while it builds the answer, and `afterAnswer` once the answer is sent.
 */
export class AnswerDownlink implements Downlink {
  /** Tracks it receives, by track sid. */
  private readonly downtracks = new Map<string, Downtrack>();
  /** Tracks it should receive that wait for an m-line (placed on the next offer). */
  private readonly waiting = new Map<string, MediaSource>();
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
    private readonly signal: (message: SignalResponse['message']) => void,
  ) {}

  // ---- the session's negotiation ------------------------------------------------------------

  /** The client's offer is applied: what changes now goes into its answer. */
  offerApplied(): void {
    this.negotiating = true;
    this.requested = { audio: 0, video: 0 };
    this.dirty = false;
  }

  /** Puts waiting tracks on free m-lines of their kind, in the answer being built. */
  place(): void {
    for (const [sid, source] of this.waiting) {
      const transceiver = this.freeTransceivers(source.kind)[0];
      if (!transceiver) continue;
      const downtrack = new Downtrack(source, transceiver, 'recvonly');
      downtrack.start();
      this.downtracks.set(sid, downtrack);
      this.waiting.delete(sid);
    }
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

  // ---- Downlink -------------------------------------------------------------------------------

  has(trackSid: string): boolean {
    return this.downtracks.has(trackSid) || this.waiting.has(trackSid);
  }

  add(source: MediaSource): void {
    if (this.closed) return;
    this.waiting.set(source.trackSid, source);
    this.requestOffer();
  }

  remove(source: MediaSource): void {
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

  close(): void {
    this.closed = true;
    for (const downtrack of this.downtracks.values()) downtrack.stop();
    this.downtracks.clear();
    this.waiting.clear();
  }

  // ---- internals ------------------------------------------------------------------------------

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
      this.signal({
        case: 'mediaSectionsRequirement',
        value: new MediaSectionsRequirement({ numAudios, numVideos }),
      });
    });
  }
}
