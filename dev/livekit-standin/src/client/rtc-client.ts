import { EventEmitter } from 'node:events';
import {
  AddTrackRequest,
  DataPacket,
  DataPacket_Kind,
  DisconnectReason,
  LeaveRequest,
  LeaveRequest_Action,
  MuteTrackRequest,
  Ping,
  type Pong,
  SessionDescription,
  SignalRequest,
  SignalResponse,
  SignalTarget,
  TrackSource,
  TrackType,
  TrickleRequest,
  UserPacket,
  type JoinResponse,
  type TrackInfo,
} from '@livekit/protocol';
import {
  MediaStream,
  MediaStreamTrack,
  RTCPeerConnection,
  type RTCDataChannel,
  type RTCIceCandidate,
} from 'werift';
import WebSocket from 'ws';
import { startDummyRtp, type MediaKind } from './dummy-media';
import { EventLog } from './event-log';
import { RtpCounter } from './rtp-counter';

/*
 * A LiveKit client for the legacy `/rtc` signal path (two PeerConnections), for tests of the
 * stand-in from Node.
 *
 * Why it exists: livekit-client 2.x speaks `/rtc/v1` and only falls back to `/rtc` when that path
 * is refused, and it needs a browser. The maintained Node SDK, @livekit/rtc-node, is a native
 * binding of LiveKit's Rust SDK (a ~25 MB prebuilt library, shipped as a platform npm package);
 * it also prefers `/rtc/v1`. Nothing pure-JS and maintained drives `/rtc`, so this is a small
 * client on werift (pure-TypeScript WebRTC, the stand-in's own) and @livekit/protocol, doing what
 * livekit-client does on that path (livekit-client src/api/SignalClient.ts, room/RTCEngine.ts):
 *
 * - the WebSocket URL carries flat parameters (`auto_subscribe`, `sdk`, `version`, `protocol`);
 * - the first message is the JoinResponse; the server then offers the subscriber PC (with its
 *   `_reliable`/`_lossy` data channels for data to the client) and the client answers;
 * - the client's publisher PC carries its own `_reliable`/`_lossy` channels and is offered by the
 *   client (livekit-client does that lazily when the subscriber is primary; this client offers
 *   right away, which the server must accept either way);
 * - candidates trickle both ways, tagged PUBLISHER or SUBSCRIBER;
 * - publishing sends AddTrackRequest, waits for `trackPublished`, then renegotiates;
 * - the server adds an m-line to its subscriber offer for each track it forwards, named by the
 *   msid stream id `PA_…|TR_…`, and the client answers.
 *
 * It records every SignalResponse and received DataPacket so a test can await them. A published
 * track can send RTP with stand-in payloads (`sendRtp`, src/client/dummy-media.ts), and the RTP
 * received per subscribed track is counted (src/client/rtp-counter.ts).
 */

export interface LegacyClientOptions {
  /** The stand-in's URL, http(s) or ws(s). */
  url: string;
  token: string;
  /** `auto_subscribe`, default true. */
  autoSubscribe?: boolean;
  /** How long `connect` and the `waitFor…` helpers wait by default (ms). */
  timeoutMs?: number;
}

export interface PublishOptions {
  /** Sends RTP on the track (stand-in payloads, src/client/dummy-media.ts) until the client closes. */
  sendRtp?: boolean;
}

export type SignalCase = NonNullable<SignalResponse['message']['case']>;
export type SignalOf<C extends SignalCase> = Extract<
  SignalResponse['message'],
  { case: C }
>['value'];

/** What livekit-client 2.23.0 sends (its SDK name, version and signal protocol). */
const CLIENT = { sdk: 'js', version: '2.23.0', protocol: '17' };
const RELIABLE = '_reliable';
const LOSSY = '_lossy';
const DEFAULT_TIMEOUT_MS = 15_000;

export class LegacyRtcClient {
  /** Every SignalResponse, the JoinResponse first. */
  readonly signals = new EventLog<SignalResponse>((r) => r.message.case ?? 'empty');
  /** Every DataPacket that arrived on the subscriber PC's channels. */
  readonly data = new EventLog<DataPacket>((p) => p.value.case ?? 'empty');
  /** Resolves when the signal WebSocket has closed (for whatever reason). */
  readonly closed: Promise<void>;
  join!: JoinResponse;

  private readonly publisher = newPeer();
  private readonly subscriber = newPeer();
  /** The client's own channels (publisher PC), for data it sends. */
  private readonly channels: Record<string, RTCDataChannel>;
  /** The server's channels (subscriber PC), for data it receives. */
  private readonly serverChannels = new Map<string, RTCDataChannel>();
  private readonly serverChannelChanged = new EventEmitter();
  private readonly rtp = new RtpCounter(this.subscriber);
  /** Media clocks of tracks that send RTP. */
  private readonly senders: Array<() => void> = [];
  /** Picture loss indications the server sent per published track sid. */
  private readonly plis = new Map<string, number>();
  private readonly timeoutMs: number;
  private offerId = 0;
  /** Set by `withholdAnswers`: the server's subscriber offers from then on stay unanswered. */
  private answersWithheld = false;
  /** The subscriber's offers are answered one at a time, in order. */
  private answering: Promise<void> = Promise.resolve();
  private pinger: NodeJS.Timeout | undefined;

  private constructor(
    private readonly ws: WebSocket,
    options: LegacyClientOptions,
  ) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.closed = new Promise((resolve) => ws.once('close', () => resolve()));
    ws.on('close', () => this.stop());
    this.channels = {
      [RELIABLE]: this.publisher.createDataChannel(RELIABLE, { ordered: true }),
      [LOSSY]: this.publisher.createDataChannel(LOSSY, { ordered: false, maxRetransmits: 0 }),
    };
    this.trickleFrom(this.publisher, SignalTarget.PUBLISHER);
    this.trickleFrom(this.subscriber, SignalTarget.SUBSCRIBER);
    this.subscriber.onDataChannel.subscribe((channel) => {
      this.serverChannels.set(channel.label, channel);
      this.serverChannelChanged.emit('change');
      channel.stateChanged.subscribe(() => this.serverChannelChanged.emit('change'));
      channel.onMessage.subscribe((message) => {
        if (typeof message !== 'string') this.data.push(DataPacket.fromBinary(message));
      });
    });
    ws.on('message', (bytes: Buffer) => this.onMessage(SignalResponse.fromBinary(bytes)));
  }

  /**
   * Joins: resolves once the JoinResponse arrived and the primary PeerConnection (the subscriber
   * when the join response says so) is connected, as `Room.connect()` does.
   */
  static async connect(options: LegacyClientOptions): Promise<LegacyRtcClient> {
    const ws = new WebSocket(signalUrl(options), { perMessageDeflate: false });
    // Listening from the start: the join response can arrive in the same read as the upgrade.
    const client = new LegacyRtcClient(ws, options);
    try {
      await client.establish();
      return client;
    } catch (error) {
      // A refused upgrade or a join that never completes must not leave sockets or PCs behind.
      ws.terminate();
      client.stop();
      throw error;
    }
  }

  /** The connect sequence after the WebSocket was created (see `connect`). */
  private async establish(): Promise<void> {
    const { ws } = this;
    await new Promise<void>((resolve, reject) => {
      ws.once('open', resolve);
      ws.once('error', reject);
      ws.once('unexpected-response', (_req, res) =>
        reject(new Error(`signal upgrade refused with ${res.statusCode}`)),
      );
    });
    const join = await this.waitForSignal('join');
    this.join = join;
    this.startPinging(join.pingInterval);
    await this.offerPublisher();
    await waitConnected(join.subscriberPrimary ? this.subscriber : this.publisher, this.timeoutMs);
    // Unlike the SDK, also wait for the server's reliable channel: a packet the server sends
    // before it is open would be lost, and tests must not race that.
    await waitUntil(
      () => this.serverChannels.get(RELIABLE)?.readyState === 'open',
      (notify) => {
        this.serverChannelChanged.on('change', notify);
        return () => this.serverChannelChanged.off('change', notify);
      },
      `the server's ${RELIABLE} channel to open`,
      this.timeoutMs,
    );
  }

  get identity(): string {
    return this.join.participant?.identity ?? '';
  }

  /** Resolves with the first `case` response that matches (already received or still to come). */
  async waitForSignal<C extends SignalCase>(
    kind: C,
    match: (value: SignalOf<C>) => boolean = () => true,
    timeoutMs = this.timeoutMs,
  ): Promise<SignalOf<C>> {
    const valueOf = (r: SignalResponse) => r.message.value as SignalOf<C>;
    const response = await this.signals.waitFor(
      (r) => r.message.case === kind && match(valueOf(r)),
      `signal "${kind}"`,
      timeoutMs,
    );
    return valueOf(response);
  }

  /** Resolves with the first received user packet that matches. */
  waitForData(
    match: (packet: DataPacket, user: UserPacket) => boolean = () => true,
    timeoutMs = this.timeoutMs,
  ): Promise<{ packet: DataPacket; user: UserPacket }> {
    return this.data
      .waitFor(
        (p) => p.value.case === 'user' && match(p, p.value.value),
        'a user data packet',
        timeoutMs,
      )
      .then((packet) => ({ packet, user: packet.value.value as UserPacket }));
  }

  /** Publishes an audio track (silent unless `sendRtp`) and resolves with the server's TrackInfo. */
  publishAudio(
    name = 'mic',
    source = TrackSource.MICROPHONE,
    options: PublishOptions = {},
  ): Promise<TrackInfo> {
    return this.publish('audio', name, source, options);
  }

  /** Publishes a video track (no frames unless `sendRtp`) and resolves with the server's TrackInfo. */
  publishVideo(
    name = 'camera',
    source = TrackSource.CAMERA,
    options: PublishOptions = {},
  ): Promise<TrackInfo> {
    return this.publish('video', name, source, options);
  }

  /** RTP packets received so far for a subscribed track. */
  packetsOf(trackSid: string): number {
    return this.rtp.of(trackSid);
  }

  /** Resolves once at least `count` RTP packets of `trackSid` have arrived in total. */
  waitForPackets(trackSid: string, count: number, timeoutMs = this.timeoutMs): Promise<void> {
    return this.rtp.until(
      () => this.rtp.of(trackSid) >= count,
      `${count} RTP packets of ${trackSid}`,
      timeoutMs,
    );
  }

  /** Picture loss indications (key frame requests) the server sent for one of its own tracks. */
  keyFrameRequestsOf(trackSid: string): number {
    return this.plis.get(trackSid) ?? 0;
  }

  /** Track sids the server's latest applied subscriber offer sends to this client. */
  receivingTrackSids(): string[] {
    return this.subscriber
      .getTransceivers()
      .filter((t) => t.currentDirection === 'recvonly' || t.currentDirection === 'sendrecv')
      .map((t) => t.receiver.remoteStreamId?.split('|')[1])
      .filter((sid): sid is string => sid !== undefined);
  }

  /**
   * From now on leaves the server's offers of the subscriber PC unanswered (they are still
   * recorded in `signals`), as a client whose renegotiation stalls would.
   */
  withholdAnswers(): void {
    this.answersWithheld = true;
  }

  /** Sends a `pingReq` now and resolves with the server's `pongResp` to it. */
  ping(): Promise<Pong> {
    const timestamp = BigInt(Date.now());
    this.send({ case: 'pingReq', value: new Ping({ timestamp }) });
    return this.waitForSignal('pongResp', (p) => p.lastPingTimestamp === timestamp);
  }

  /** Mutes or unmutes one of its own tracks, as the SDK reports a local mute. */
  mute(trackSid: string, muted: boolean): void {
    this.send({ case: 'mute', value: new MuteTrackRequest({ sid: trackSid, muted }) });
  }

  /** Sends a user packet on the publisher PC's channel, as `localParticipant.publishData` does. */
  async sendData(
    payload: Uint8Array | string,
    options: { topic?: string; destinationIdentities?: string[]; reliable?: boolean } = {},
  ): Promise<void> {
    const reliable = options.reliable ?? true;
    const channel = this.channels[reliable ? RELIABLE : LOSSY];
    if (!channel) throw new Error('no data channel');
    await waitOpen(channel, this.timeoutMs);
    const packet = new DataPacket({
      kind: reliable ? DataPacket_Kind.RELIABLE : DataPacket_Kind.LOSSY,
      value: {
        case: 'user',
        value: new UserPacket({
          participantIdentity: this.identity,
          payload: typeof payload === 'string' ? new TextEncoder().encode(payload) : payload,
          destinationIdentities: options.destinationIdentities ?? [],
          topic: options.topic,
        }),
      },
    });
    channel.send(Buffer.from(packet.toBinary()));
  }

  /** Leaves on its own (the participant leaves with CLIENT_INITIATED) and closes. */
  async leave(): Promise<void> {
    this.send({
      case: 'leave',
      value: new LeaveRequest({
        reason: DisconnectReason.CLIENT_INITIATED,
        action: LeaveRequest_Action.DISCONNECT,
      }),
    });
    await this.close();
  }

  /** Drops the connection without a leave request (the server sees its signal socket close). */
  async close(): Promise<void> {
    if (this.ws.readyState !== WebSocket.CLOSED) this.ws.close();
    await this.closed;
  }

  // ---- internals ------------------------------------------------------------------------------

  /** AddTrackRequest, `trackPublished`, then an offer carrying the track's m-line. */
  private async publish(
    kind: MediaKind,
    name: string,
    source: TrackSource,
    options: PublishOptions,
  ): Promise<TrackInfo> {
    const track = new MediaStreamTrack({ kind });
    const transceiver = this.publisher.addTransceiver(track, {
      direction: 'sendonly',
      streams: [new MediaStream()],
    });
    // werift names the track after its sender; that id is the SDP's msid track id and the cid.
    const cid = transceiver.sender.trackId;
    const type = kind === 'audio' ? TrackType.AUDIO : TrackType.VIDEO;
    this.send({ case: 'addTrack', value: new AddTrackRequest({ cid, name, type, source }) });
    const published = await this.waitForSignal('trackPublished', (r) => r.cid === cid);
    const info = published.track;
    if (!info) throw new Error('trackPublished without a track');
    transceiver.sender.onPictureLossIndication.subscribe(() =>
      this.plis.set(info.sid, this.keyFrameRequestsOf(info.sid) + 1),
    );
    await this.offerPublisher();
    if (options.sendRtp) this.senders.push(startDummyRtp(track, kind));
    return info;
  }

  private onMessage(response: SignalResponse): void {
    this.signals.push(response);
    const message = response.message;
    switch (message.case) {
      case 'offer':
        this.answerSubscriber(message.value);
        return;
      case 'trickle': {
        const pc =
          message.value.target === SignalTarget.SUBSCRIBER ? this.subscriber : this.publisher;
        // werift keeps candidates that arrive before their description until it is applied.
        void pc.addIceCandidate(JSON.parse(message.value.candidateInit)).catch(() => undefined);
        return;
      }
      case 'leave':
        void this.close();
        return;
      default:
        return;
    }
  }

  private answerSubscriber(offer: SessionDescription): void {
    if (this.answersWithheld) return;
    this.answering = this.answering.then(async () => {
      await this.subscriber.setRemoteDescription({ type: 'offer', sdp: offer.sdp });
      await this.subscriber.setLocalDescription(await this.subscriber.createAnswer());
      this.send({
        case: 'answer',
        value: new SessionDescription({
          type: 'answer',
          sdp: this.subscriber.localDescription?.sdp ?? '',
          id: offer.id,
        }),
      });
    });
  }

  /** Offers the publisher PC and resolves when the server's answer (same id) is applied. */
  private async offerPublisher(): Promise<void> {
    this.offerId += 1;
    const id = this.offerId;
    await this.publisher.setLocalDescription(await this.publisher.createOffer());
    const answered = this.waitForSignal('answer', (a) => a.id === id);
    this.send({
      case: 'offer',
      value: new SessionDescription({
        type: 'offer',
        sdp: this.publisher.localDescription?.sdp ?? '',
        id,
      }),
    });
    const answer = await answered;
    await this.publisher.setRemoteDescription({ type: 'answer', sdp: answer.sdp });
  }

  private trickleFrom(pc: RTCPeerConnection, target: SignalTarget): void {
    pc.onIceCandidate.subscribe((candidate: RTCIceCandidate | undefined) => {
      if (!candidate) return;
      this.send({
        case: 'trickle',
        value: new TrickleRequest({ target, candidateInit: JSON.stringify(candidate.toJSON()) }),
      });
    });
  }

  /** Pings like the SDK so the server sees a live client (pingInterval from the join response). */
  private startPinging(intervalSeconds: number): void {
    if (intervalSeconds <= 0) return;
    this.pinger = setInterval(() => {
      const now = BigInt(Date.now());
      this.send({ case: 'ping', value: now });
      this.send({ case: 'pingReq', value: new Ping({ timestamp: now }) });
    }, intervalSeconds * 1000);
    this.pinger.unref();
  }

  private send(message: SignalRequest['message']): void {
    if (this.ws.readyState !== WebSocket.OPEN) return;
    this.ws.send(new SignalRequest({ message }).toBinary());
  }

  private stop(): void {
    clearInterval(this.pinger);
    for (const stop of this.senders.splice(0)) stop();
    void Promise.allSettled([this.publisher.close(), this.subscriber.close()]);
  }
}

/** `<url>/rtc?access_token=…&auto_subscribe=1&sdk=js&version=2.23.0&protocol=17`. */
export function signalUrl(
  options: LegacyClientOptions,
  extra: Record<string, string> = {},
): string {
  const url = new URL(options.url.replace(/^http/, 'ws'));
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/rtc`;
  const params = {
    access_token: options.token,
    auto_subscribe: options.autoSubscribe === false ? '0' : '1',
    ...CLIENT,
    ...extra,
  };
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return url.toString();
}

/** Both ends on this machine: loopback is enough, and IPv6 is off like the stand-in's peers. */
const newPeer = (): RTCPeerConnection =>
  new RTCPeerConnection({ iceUseIpv6: false, iceAdditionalHostAddresses: ['127.0.0.1'] });

function waitConnected(pc: RTCPeerConnection, timeoutMs: number): Promise<void> {
  return waitUntil(
    () => pc.connectionState === 'connected',
    (notify) => pc.connectionStateChange.subscribe(notify).unSubscribe,
    `the ${pc.connectionState} PeerConnection to connect`,
    timeoutMs,
  );
}

function waitOpen(channel: RTCDataChannel, timeoutMs: number): Promise<void> {
  return waitUntil(
    () => channel.readyState === 'open',
    (notify) => channel.stateChanged.subscribe(notify).unSubscribe,
    `data channel ${channel.label} to open`,
    timeoutMs,
  );
}

/** Resolves when `done()` holds, re-checking on every event `subscribe` reports. */
function waitUntil(
  done: () => boolean,
  subscribe: (notify: () => void) => () => void,
  what: string,
  timeoutMs: number,
): Promise<void> {
  if (done()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
    }, timeoutMs);
    const unsubscribe = subscribe(() => {
      if (!done()) return;
      clearTimeout(timer);
      unsubscribe();
      resolve();
    });
  });
}
