import { randomInt } from 'node:crypto';
import { RtpHeader, RtpPacket, type MediaStreamTrack } from 'werift';

/*
 * A media clock for test tracks: RTP packets with stand-in payloads, so a forwarding server has
 * something to forward. Nothing decodes them; they only have to look like their codec's packets.
 *
 * - audio: one Opus frame every 20 ms (48 kHz clock), the 3-byte "silence" frame (TOC 0xf8:
 *   CELT fullband, 20 ms, mono; RFC 6716 §3.1) that browsers send for a muted microphone;
 * - video: one single-packet VP8 key frame every 33 ms (90 kHz clock): the payload descriptor with
 *   its start-of-partition bit (RFC 7741 §4.2), then a key-frame header with the start code and
 *   a 320×180 size (RFC 6386 §9.1), then filler.
 */

export type MediaKind = 'audio' | 'video';

interface Clock {
  intervalMs: number;
  /** RTP timestamp units per packet. */
  step: number;
  payload: Buffer;
}

const OPUS_SILENCE = Buffer.from([0xf8, 0xff, 0xfe]);
const VP8_KEY_FRAME = Buffer.concat([
  Buffer.from([0x10]),
  // frame tag: key frame, version 0, shown, first partition of 10 bytes (little endian)
  Buffer.from([0x50, 0x01, 0x00]),
  Buffer.from([0x9d, 0x01, 0x2a]),
  Buffer.from([0x40, 0x01, 0xb4, 0x00]),
  Buffer.alloc(32),
]);

const CLOCKS: Record<MediaKind, Clock> = {
  audio: { intervalMs: 20, step: 960, payload: OPUS_SILENCE },
  video: { intervalMs: 33, step: 3000, payload: VP8_KEY_FRAME },
};

/** Writes packets on `track` until the returned function is called. */
export function startDummyRtp(track: MediaStreamTrack, kind: MediaKind): () => void {
  const { intervalMs, step, payload } = CLOCKS[kind];
  let sequenceNumber = randomInt(0x10000);
  let timestamp = randomInt(0x7fffffff);
  const timer = setInterval(() => {
    // The sender rewrites SSRC and payload type to the negotiated ones.
    const header = new RtpHeader({ sequenceNumber, timestamp, marker: kind === 'video' });
    track.writeRtp(new RtpPacket(header, payload));
    sequenceNumber = (sequenceNumber + 1) & 0xffff;
    timestamp = (timestamp + step) >>> 0;
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
