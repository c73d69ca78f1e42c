import {
  ReceiverEstimatedMaxBitrate,
  RtcpPayloadSpecificFeedback,
  type MediaStreamTrack,
  type RTCRtpReceiver,
  type RtpPacket,
} from 'werift';

/** Key frames for late subscribers: a PLI every few seconds while anyone receives. */
const KEY_FRAME_INTERVAL_MS = 3_000;
/** Subscribers' own PLIs are relayed, at most this often. */
const MIN_PLI_GAP_MS = 500;
/** livekit-client names its simulcast layers q (lowest), h, f; the lowest is always sent. */
const FORWARDED_LAYER = 'q';
/**
 * A simulcast publisher is told (REMB) that this is all the bandwidth there is, so its encoder
 * keeps to the forwarded layer instead of sending higher ones that would be received, decrypted
 * and dropped. livekit-client's lowest layer targets at most 160 kbps (VideoPresets h180).
 */
const SIMULCAST_CAP_BPS = 200_000;
const CAP_INTERVAL_MS = 1_000;

export type PacketSink = (packet: RtpPacket) => void;

/**
 * One published track as the stand-in receives it: the RTP of one werift remote track, fanned out
 * to the subscribers' downtracks. A simulcast publication forwards only its lowest layer, which
 * the client never pauses; the others arrive and are dropped (README, "Media forwarding").
 */
export class MediaSource {
  private readonly sinks = new Set<PacketSink>();
  private readonly track: MediaStreamTrack;
  private ssrc: number | undefined;
  private lastPli = 0;
  private keyFrameTimer: NodeJS.Timeout | undefined;
  private readonly capTimer: NodeJS.Timeout | undefined;
  private readonly unsubscribe: () => void;

  constructor(
    readonly participantSid: string,
    readonly trackSid: string,
    readonly kind: 'audio' | 'video',
    private readonly receiver: RTCRtpReceiver,
  ) {
    const tracks = receiver.tracks;
    this.track = tracks.find((t) => t.rid === FORWARDED_LAYER) ?? tracks[0]!;
    this.ssrc = this.track.ssrc;
    this.unsubscribe = this.track.onReceiveRtp.subscribe((packet) => {
      // A layer chosen by rid learns its SSRC from its first packet (PLIs need it).
      this.ssrc = packet.header.ssrc;
      for (const sink of this.sinks) sink(packet);
    }).unSubscribe;
    if (this.track.rid !== undefined) {
      this.capTimer = setInterval(() => this.capBitrate(), CAP_INTERVAL_MS).unref();
    }
  }

  /** A published track can be forwarded once the client's offer carried its m-line. */
  static from(
    participantSid: string,
    trackSid: string,
    receiver: RTCRtpReceiver,
  ): MediaSource | undefined {
    if (receiver.tracks.length === 0) return undefined;
    const kind = receiver.tracks[0]!.kind === 'audio' ? 'audio' : 'video';
    return new MediaSource(participantSid, trackSid, kind, receiver);
  }

  /** The stream id livekit-client reads the publisher and track sids from (`PA_…|TR_…`). */
  get streamId(): string {
    return `${this.participantSid}|${this.trackSid}`;
  }

  addSink(sink: PacketSink): () => void {
    this.sinks.add(sink);
    if (this.kind === 'video') {
      this.requestKeyFrame(true);
      this.keyFrameTimer ??= setInterval(
        () => this.requestKeyFrame(true),
        KEY_FRAME_INTERVAL_MS,
      ).unref();
    }
    return () => {
      this.sinks.delete(sink);
      if (this.sinks.size === 0) this.stopKeyFrames();
    };
  }

  /** Asks the publisher for a key frame (PLI on the forwarded layer's SSRC). */
  requestKeyFrame(force = false): void {
    if (this.kind !== 'video' || this.ssrc === undefined) return;
    const now = Date.now();
    if (!force && now - this.lastPli < MIN_PLI_GAP_MS) return;
    this.lastPli = now;
    this.receiver.sendRtcpPLI(this.ssrc).catch(() => undefined);
  }

  close(): void {
    this.unsubscribe();
    this.sinks.clear();
    this.stopKeyFrames();
    clearInterval(this.capTimer);
  }

  private capBitrate(): void {
    if (this.ssrc === undefined) return;
    const remb = new ReceiverEstimatedMaxBitrate({
      senderSsrc: this.receiver.rtcpSsrc,
      // REMB's bitrate is mantissa × 2^exp; the cap fits the 18-bit mantissa as it is.
      brExp: 0,
      brMantissa: SIMULCAST_CAP_BPS,
      ssrcNum: 1,
      ssrcFeedbacks: [this.ssrc],
    });
    const packet = new RtcpPayloadSpecificFeedback({ feedback: remb });
    this.receiver.dtlsTransport.sendRtcp([packet]).catch(() => undefined);
  }

  private stopKeyFrames(): void {
    clearInterval(this.keyFrameTimer);
    this.keyFrameTimer = undefined;
  }
}
