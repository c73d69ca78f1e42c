import { EventEmitter } from 'node:events';
import type { MediaStreamTrack, RTCPeerConnection, RTCRtpTransceiver } from 'werift';

/**
 * Counts the RTP packets a client receives on its subscriber PC, per publication. The server
 * names each forwarded track in its msid stream id, `PA_<participant sid>|TR_<track sid>`
 * (`unpackStreamId` in livekit-client's src/room/utils.ts); an m-line may carry another track
 * after a renegotiation, so each packet is counted under the stream id its m-line has now, and
 * only while the m-line is negotiated to receive.
 */
export class RtpCounter {
  private readonly counts = new Map<string, number>();
  private readonly changed = new EventEmitter();

  constructor(pc: RTCPeerConnection) {
    pc.onRemoteTransceiverAdded.subscribe((transceiver) => {
      const watched = new Set<MediaStreamTrack>();
      const watch = (track: MediaStreamTrack) => {
        if (watched.has(track)) return;
        watched.add(track);
        track.onReceiveRtp.subscribe(() => this.count(transceiver));
      };
      transceiver.receiver.tracks.forEach(watch);
      transceiver.onTrack.subscribe(watch);
    });
  }

  /** Packets received so far for `trackSid`. */
  of(trackSid: string): number {
    return this.counts.get(trackSid) ?? 0;
  }

  /** Resolves once `done()` holds, re-checked on every counted packet. */
  until(done: () => boolean, what: string, timeoutMs: number): Promise<void> {
    if (done()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!done()) return;
        clearTimeout(timer);
        this.changed.off('packet', check);
        resolve();
      };
      const timer = setTimeout(() => {
        this.changed.off('packet', check);
        const counts = JSON.stringify(Object.fromEntries(this.counts));
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; counts: ${counts}`));
      }, timeoutMs);
      this.changed.on('packet', check);
    });
  }

  private count(transceiver: RTCRtpTransceiver): void {
    const direction = transceiver.currentDirection;
    if (direction !== 'recvonly' && direction !== 'sendrecv') return;
    const trackSid = transceiver.receiver.remoteStreamId?.split('|')[1];
    if (!trackSid) return;
    this.counts.set(trackSid, this.of(trackSid) + 1);
    this.changed.emit('packet');
  }
}
