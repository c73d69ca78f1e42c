import type { RTCPeerConnection, RTCRtpTransceiver } from 'werift';
import type { Downlink } from './downlink';
import { Downtrack } from './downtrack';
import type { MediaSource } from './media-source';

/**
 * Subscribed tracks of a legacy `/rtc` client: the server adds a sending m-line to the subscriber
 * PC it offers and renegotiates; the client answers (`AddTransceiverFromTrackLocal` and
 * `NegotiateSubscriber` in https://github.com/livekit/livekit/blob/master/pkg/rtc/transportmanager.go).
 * An ended track's m-line is offered `inactive`, and is given the next track of its kind once the
 * client has answered that.
 */
export class OfferDownlink implements Downlink {
  /** Tracks it receives, by track sid. */
  private readonly downtracks = new Map<string, Downtrack>();
  private scheduled = false;
  private closed = false;

  constructor(
    private readonly pc: RTCPeerConnection,
    /** Offers the subscriber PC (rtc/subscriber-offers.ts). */
    private readonly negotiate: () => void,
  ) {}

  has(trackSid: string): boolean {
    return this.downtracks.has(trackSid);
  }

  add(source: MediaSource): void {
    if (this.closed) return;
    const transceiver =
      this.freeTransceiver(source.kind) ??
      this.pc.addTransceiver(source.kind, { direction: 'inactive' });
    const downtrack = new Downtrack(source, transceiver, 'inactive');
    downtrack.start();
    this.downtracks.set(source.trackSid, downtrack);
    this.renegotiate();
  }

  remove(source: MediaSource): void {
    const downtrack = this.downtracks.get(source.trackSid);
    if (!downtrack || downtrack.source !== source) return;
    downtrack.stop();
    this.downtracks.delete(source.trackSid);
    this.renegotiate();
  }

  close(): void {
    this.closed = true;
    for (const downtrack of this.downtracks.values()) downtrack.stop();
    this.downtracks.clear();
  }

  /** An m-line of `kind` that carries nothing and that the client no longer receives on. */
  private freeTransceiver(kind: 'audio' | 'video'): RTCRtpTransceiver | undefined {
    const used = new Set([...this.downtracks.values()].map((d) => d.transceiver));
    return this.pc
      .getTransceivers()
      .find(
        (t) =>
          t.kind === kind &&
          !used.has(t) &&
          !t.stopping &&
          !t.stopped &&
          t.direction === 'inactive' &&
          t.currentDirection !== 'sendonly',
      );
  }

  /** Once per burst: a publisher's camera and microphone go out in one offer. */
  private renegotiate(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      if (!this.closed) this.negotiate();
    });
  }
}
