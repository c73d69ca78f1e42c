import type { RTCRtpTransceiver } from 'werift';
import type { MediaSource } from './media-source';

/**
 * The direction an m-line goes back to when its track ends: on an m-line the client offered
 * `recvonly` (`/rtc/v1`) the server answers `recvonly`, which makes it inactive; on one the server
 * offers itself (the legacy subscriber PC) it offers `inactive`.
 */
export type IdleDirection = 'recvonly' | 'inactive';

/**
 * One forwarded track on one subscriber's PeerConnection: a sender on one m-line, either one the
 * client offered `recvonly` or one the server added to the subscriber PC it offers. Its msid
 * stream id is `PA_<sid>|TR_<sid>`, so the SDK ties the arriving track to the publication
 * (`unpackStreamId` in livekit-client's src/room/utils.ts).
 */
export class Downtrack {
  private readonly detach: Array<() => void> = [];

  constructor(
    readonly source: MediaSource,
    readonly transceiver: RTCRtpTransceiver,
    private readonly idleDirection: IdleDirection,
  ) {}

  get mid(): string {
    return this.transceiver.mid ?? '';
  }

  /** Puts the sender on the m-line; takes effect in the next answer or offer. */
  start(): void {
    const { sender } = this.transceiver;
    this.transceiver.setDirection('sendonly');
    sender.streamId = this.source.streamId;
    // A reused m-line carries on with its own sequence numbers and timestamps.
    sender.replaceRTP({ sequenceNumber: 0, timestamp: 0 });
    this.detach.push(
      this.source.addSink((packet) => {
        // The publisher's header extensions (its mid, rid, transport-wide sequence) must not
        // reach the subscriber: werift writes this m-line's own.
        const copy = packet.clone();
        copy.header.extensions = [];
        sender.sendRtp(copy).catch(() => undefined);
      }),
      sender.onPictureLossIndication.subscribe(() => this.source.requestKeyFrame()).unSubscribe,
    );
  }

  /** Stops forwarding; the next answer or offer marks the m-line inactive, ending the client's track. */
  stop(): void {
    for (const detach of this.detach.splice(0)) detach();
    this.transceiver.setDirection(this.idleDirection);
    this.transceiver.sender.streamId = undefined;
  }
}
