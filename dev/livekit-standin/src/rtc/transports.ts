import { DataPacket_Kind } from '@livekit/protocol';
import type { RTCDataChannel, RTCPeerConnection } from 'werift';
import { createPeer } from './peer';

/*
 * A participant's PeerConnections. `/rtc/v1` has one: the client offers, the server answers, and
 * the client's own data channels carry data both ways. The legacy `/rtc` path has two: the
 * client's publisher (it offers) and the server's subscriber (the server offers, with its own
 * `_reliable`/`_lossy` channels for data to the client) (livekit-client-protocol §1.1, §1.3).
 */

export type Mode = 'v1' | 'v0';

export const RELIABLE = '_reliable';
export const LOSSY = '_lossy';
const MAX_WAITING = 1000;

export interface TransportEvents {
  /** The primary PeerConnection reached `connected`: the participant becomes ACTIVE. */
  connected(): void;
  /** The primary PeerConnection failed or closed after connecting. */
  lost(): void;
  candidate(target: 'publisher' | 'subscriber', candidateInit: string): void;
  /** A data packet the client sent on one of its channels. */
  data(bytes: Buffer): void;
}

export class Transports {
  readonly publisher: RTCPeerConnection;
  readonly subscriber: RTCPeerConnection | undefined;
  /** Channels the server sends data on, by label. */
  private readonly outgoing = new Map<string, RTCDataChannel>();
  /** Packets sent before any channel was open (a SendData right after connect), in order. */
  private readonly waiting: { kind: DataPacket_Kind; bytes: Uint8Array }[] = [];
  private wasConnected = false;

  constructor(
    readonly mode: Mode,
    /** v0 only: the subscriber PC is primary (the server offers first) when the client subscribes. */
    readonly subscriberPrimary: boolean,
    private readonly events: TransportEvents,
  ) {
    this.publisher = createPeer();
    this.watch(this.publisher, 'publisher');
    this.publisher.onDataChannel.subscribe((channel) => {
      channel.onMessage.subscribe((data) => {
        if (typeof data !== 'string') this.events.data(data);
      });
      // v1: the client's channels are the only ones, so the server answers on them too.
      if (mode === 'v1') this.addOutgoing(channel);
    });
    if (mode === 'v0') {
      this.subscriber = createPeer();
      this.watch(this.subscriber, 'subscriber');
      this.addOutgoing(this.subscriber.createDataChannel(RELIABLE, { ordered: true }));
      this.addOutgoing(
        this.subscriber.createDataChannel(LOSSY, { ordered: false, maxRetransmits: 0 }),
      );
    }
  }

  /** The PC whose connection decides that the participant is connected. */
  get primary(): RTCPeerConnection {
    return this.subscriberPrimary && this.subscriber ? this.subscriber : this.publisher;
  }

  /**
   * Sends bytes on the channel of `kind`; a lossy packet falls back to the reliable channel.
   * Until a channel is open the packets wait (bounded), so data sent right after the client
   * connected is not lost.
   */
  send(kind: DataPacket_Kind, bytes: Uint8Array): void {
    const preferred = kind === DataPacket_Kind.LOSSY ? LOSSY : RELIABLE;
    const channel = [this.outgoing.get(preferred), this.outgoing.get(RELIABLE)].find(
      (c) => c?.readyState === 'open',
    );
    if (channel) channel.send(Buffer.from(bytes));
    else if (this.waiting.length < MAX_WAITING) this.waiting.push({ kind, bytes });
  }

  private addOutgoing(channel: RTCDataChannel): void {
    this.outgoing.set(channel.label, channel);
    const flush = () => {
      for (const packet of this.waiting.splice(0)) this.send(packet.kind, packet.bytes);
    };
    if (channel.readyState === 'open') flush();
    else channel.stateChanged.subscribe((state) => state === 'open' && flush());
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.publisher.close(), this.subscriber?.close()]);
  }

  private watch(pc: RTCPeerConnection, target: 'publisher' | 'subscriber'): void {
    pc.onIceCandidate.subscribe((candidate) => {
      if (candidate) this.events.candidate(target, JSON.stringify(candidate.toJSON()));
    });
    pc.connectionStateChange.subscribe((state) => {
      if (pc !== this.primary) return;
      if (state === 'connected' && !this.wasConnected) {
        this.wasConnected = true;
        this.events.connected();
      } else if ((state === 'failed' || state === 'closed') && this.wasConnected) {
        this.events.lost();
      }
    });
  }
}
