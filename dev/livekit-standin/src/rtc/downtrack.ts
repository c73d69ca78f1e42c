import type { RTCRtpTransceiver } from 'werift';
import type { MediaSource } from './media-source';

/**
 * One forwarded track on one subscriber's PeerConnection: a sender on one of the m-lines the
 * client offered `recvonly`. Its msid stream id is `PA_<sid>|TR_<sid>`, so the SDK ties the
 * arriving track to the publication (`unpackStreamId` in livekit-client's src/room/utils.ts).
 */
export class Downtrack {
  private readonly detach: Array<() => void> = [];

  constructor(
    readonly source: MediaSource,
    readonly transceiver: RTCRtpTransceiver,
  ) {}

  get mid(): string {
    return this.transceiver.mid ?? '';
  }

  /** Puts the sender on the m-line; takes effect in the answer being built. */
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

  /** Stops forwarding; the next answer marks the m-line inactive, which ends the client's track. */
  stop(): void {
    for (const detach of this.detach.splice(0)) detach();
    this.transceiver.setDirection('recvonly');
    this.transceiver.sender.streamId = undefined;
  }
}
