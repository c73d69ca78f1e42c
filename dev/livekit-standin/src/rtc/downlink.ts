import type { MediaSource } from './media-source';

/**
 * How one client's subscribed tracks reach it: which PeerConnection carries them and who offers.
 * `/rtc/v1` answers the client's offers on its single PC (rtc/answer-downlink.ts); the legacy
 * `/rtc` path offers them on the server's subscriber PC (rtc/offer-downlink.ts). The subscription
 * rules that decide what is sent live in rtc/media-endpoint.ts, shared by both.
 */
export interface Downlink {
  /** The track is sent or about to be (waiting for its m-line). */
  has(trackSid: string): boolean;
  /** Starts sending `source` as soon as negotiation allows. */
  add(source: MediaSource): void;
  /** Stops sending `source` (if it is still the one sent under its track sid). */
  remove(source: MediaSource): void;
  close(): void;
}
