import {
  AddTrackRequest,
  DataPacket,
  DisconnectReason,
  JoinResponse,
  Pong,
  RequestResponse,
  RequestResponse_Reason,
  RoomMovedResponse,
  ServerInfo,
  ServerInfo_Edition,
  SessionDescription,
  SignalRequest,
  SignalResponse,
  SignalTarget,
  TrackPublishedResponse,
  TrackUnpublishedResponse,
  TrickleRequest,
  type MuteTrackRequest,
  type ParticipantInfo,
  type UpdateParticipantMetadata,
} from '@livekit/protocol';
import type { WebSocket } from 'ws';
import type { Participant } from '../state/participant';
import type { RoomState } from '../state/room';
import type { ParticipantSink, ServerMessage } from '../state/sink';
import type { StandinState } from '../state/store';
import type { ConnectRequest } from './connect-request';
import { sendingTracks } from './sdp-tracks';
import { AnswerDownlink } from './answer-downlink';
import { MediaEndpoint } from './media-endpoint';
import { OfferDownlink } from './offer-downlink';
import { fullReconnect, leaveRequest, toClientMessage } from './signal-messages';
import { SubscriberOffers } from './subscriber-offers';
import { Transports, type Mode } from './transports';

/** What the real server reports (livekit/livekit version/version.go, pkg/rtc/types). */
export const SERVER_VERSION = '1.13.5';
const SERVER_PROTOCOL = 17;
const NODE_ID = 'ND_standin';
/** Seconds; the client pings on this interval and gives up after the timeout. */
const PING_INTERVAL = 5;
const PING_TIMEOUT = 15;
/** The real server refreshes a client's token every 5 minutes, each valid for 10 (roommanager.go). */
const TOKEN_REFRESH_MS = 5 * 60_000;
const TOKEN_TTL_S = 10 * 60;

export interface SessionDeps {
  state: StandinState;
  /** Mints the token a moved client continues with (Cloud MoveParticipant). */
  signToken(claims: ConnectRequest['claims']): string;
  /** Legacy path: how long a subscriber offer may stay unanswered (rtc/subscriber-offers.ts). */
  negotiationTimeoutMs: number;
  log(line: string): void;
}

/**
 * One real client: its signal WebSocket, its PeerConnection(s) and its participant in the
 * stand-in's state. It is that participant's sink, so every moderator action reaches the client
 * as the signal message or data packet the SDK expects; what the client sends comes back in
 * through the same state operations simulated participants use.
 */
export class RtcSession implements ParticipantSink {
  /** Wants join/leave updates of the others and follows a Cloud move (state/sink.ts). */
  readonly realtime = true;
  private ws: WebSocket | undefined;
  /** Messages produced before the WebSocket is up; the join response still goes first. */
  private readonly queued: SignalResponse[] = [];
  private roomName: string;
  private readonly transports: Transports;
  /** Offers are answered, and the subscriber PC offered, one step at a time, in order. */
  private negotiation: Promise<void> = Promise.resolve();
  /** Legacy path only: the server's offers of the subscriber PC. */
  private readonly subscriberOffers: SubscriberOffers | undefined;
  /** cid (the client's MediaStreamTrack id) → published track sid. */
  private readonly published = new Map<string, string>();
  /** Media forwarding (rtc/media-endpoint.ts), on both paths. */
  private readonly media: MediaEndpoint;
  /** `/rtc/v1` only: subscribed tracks go into the answers to the client's offers. */
  private readonly answerDownlink: AnswerDownlink | undefined;
  private closed = false;
  private refreshTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly deps: SessionDeps,
    private readonly request: ConnectRequest,
    mode: Mode,
  ) {
    this.roomName = request.roomName;
    // The real server makes the subscriber primary on the dual-PC path when the client may
    // subscribe and speaks protocol 3 or later (livekit/livekit pkg/rtc/participant.go,
    // pkg/rtc/types/protocol_version.go SubscriberAsPrimary).
    const subscriberPrimary =
      mode === 'v0' && request.permission.canSubscribe && request.protocol > 2;
    this.transports = new Transports(mode, subscriberPrimary, {
      connected: () => this.onConnected(),
      lost: () => this.end(DisconnectReason.CONNECTION_TIMEOUT),
      candidate: (target, candidateInit) =>
        this.signal({
          case: 'trickle',
          value: new TrickleRequest({
            candidateInit,
            target: target === 'publisher' ? SignalTarget.PUBLISHER : SignalTarget.SUBSCRIBER,
          }),
        }),
      data: (bytes) => this.onClientData(bytes),
    });
    const { publisher, subscriber } = this.transports;
    let downlink: AnswerDownlink | OfferDownlink;
    if (subscriber) {
      const offers = new SubscriberOffers(
        subscriber,
        (step) => this.enqueue(step, 'subscriber negotiation'),
        (offer) => this.signal({ case: 'offer', value: offer }),
        { ms: deps.negotiationTimeoutMs, failed: () => this.negotiationFailed() },
      );
      this.subscriberOffers = offers;
      downlink = new OfferDownlink(subscriber, () => offers.offer());
    } else {
      this.answerDownlink = new AnswerDownlink(publisher, (message) => this.signal(message));
      downlink = this.answerDownlink;
    }
    this.media = new MediaEndpoint(publisher, downlink, request.autoSubscribe, {
      current: () => this.current(),
    });
  }

  /** Joins the room (throws the state's TwirpError when refused, e.g. a full room). */
  join(): void {
    const { request } = this;
    this.deps.state.join(
      request.roomName,
      {
        identity: request.identity,
        name: request.name,
        metadata: request.metadata,
        attributes: request.attributes,
        kind: request.kind,
        permission: request.permission,
        state: 'JOINING',
      },
      this,
    );
  }

  /** The WebSocket is up: join response first, then whatever queued, then the first offers. */
  attach(ws: WebSocket): void {
    this.ws = ws;
    ws.on('message', (data: Buffer, isBinary: boolean) => {
      if (!isBinary) return;
      let request: SignalRequest;
      try {
        request = SignalRequest.fromBinary(data);
      } catch {
        this.deps.log(`rtc: undecodable signal request from ${this.request.identity}`);
        return;
      }
      this.onRequest(request).catch((error: unknown) =>
        this.deps.log(`rtc: ${this.request.identity}: ${String(error)}`),
      );
    });
    ws.on('close', () => this.end(DisconnectReason.SIGNAL_CLOSE));
    ws.on('error', () => this.end(DisconnectReason.SIGNAL_CLOSE));

    const current = this.current();
    if (!current) {
      // Removed between the upgrade and now: tell it why it is out, with the leave its removal
      // queued (ROOM_DELETED for a deleted room, DUPLICATE_IDENTITY when a second join took over).
      this.write(removalLeave(this.queued));
      ws.close();
      return;
    }
    this.write(this.joinResponse(current.room, current.participant));
    // JOINED once the join response is out, as the real server does (participant_signal.go).
    this.deps.state.advance(current.room, current.participant, 'JOINED');
    for (const response of this.queued.splice(0)) this.write(response);
    this.startTokenRefresh();
    const offer = this.request.joinRequest?.publisherOffer;
    if (offer) this.onOffer(offer);
    if (this.subscriberOffers) {
      // A subscribe-only legacy client may never offer its publisher PC: it joins the room's
      // media router now, so the first subscriber offer already carries what is published.
      this.media.sync();
      this.subscriberOffers.offer();
    }
  }

  // ---- ParticipantSink ------------------------------------------------------------------------

  deliver(message: ServerMessage): void {
    if (this.closed) return;
    this.media.onServerMessage(message);
    if (message.type === 'moved') {
      this.roomName = message.destinationRoom;
      // MoveParticipant joins the destination right after this message; announce it then.
      queueMicrotask(() => this.announceMove());
      return;
    }
    const out = toClientMessage(message);
    if (!out) return;
    if (out.channel === 'data') {
      this.transports.send(out.kind, out.packet.toBinary());
      return;
    }
    this.signal(out.response.message);
    if (message.type === 'leave') this.close();
  }

  // ---- client → server ------------------------------------------------------------------------

  private async onRequest(request: SignalRequest): Promise<void> {
    const message = request.message;
    switch (message.case) {
      case 'ping':
        return this.signal({ case: 'pong', value: BigInt(Date.now()) });
      case 'pingReq':
        return this.signal({
          case: 'pongResp',
          value: new Pong({
            lastPingTimestamp: message.value.timestamp,
            timestamp: BigInt(Date.now()),
          }),
        });
      case 'offer':
        return this.onOffer(message.value);
      case 'answer':
        return this.subscriberOffers?.onAnswer(message.value);
      case 'trickle':
        return this.onTrickle(message.value);
      case 'addTrack':
        return this.onAddTrack(message.value);
      case 'mute':
        return this.onMute(message.value);
      case 'updateMetadata':
        return this.onUpdateMetadata(message.value);
      case 'leave':
        return this.end(DisconnectReason.CLIENT_INITIATED);
      case 'subscription':
        return this.media.changeSubscriptions(message.value);
      default:
        // Track settings, quality layers, sync state: not emulated (one layer is forwarded).
        return;
    }
  }

  /** The client's offer of its publisher PC (`/rtc/v1`: its only PC). */
  private onOffer(offer: SessionDescription): void {
    const pc = this.transports.publisher;
    this.enqueue(async () => {
      await pc.setRemoteDescription({ type: 'offer', sdp: offer.sdp });
      this.reconcileUnpublished(offer.sdp);
      this.answerDownlink?.offerApplied();
      this.media.sync();
      this.answerDownlink?.place();
      await pc.setLocalDescription(await pc.createAnswer());
      this.signal({
        case: 'answer',
        value: new SessionDescription({
          type: 'answer',
          sdp: pc.localDescription?.sdp ?? '',
          id: offer.id,
          midToTrackId: this.answerDownlink?.midToTrackId() ?? {},
        }),
      });
      this.answerDownlink?.afterAnswer();
    }, `offer from ${this.request.identity}`);
  }

  /** Queues a negotiation step; a failed step is logged and the next one still runs. */
  private enqueue(step: () => Promise<void>, what: string): void {
    this.negotiation = this.negotiation
      .then(step)
      .catch((error: unknown) => this.deps.log(`rtc: ${what}: ${String(error)}`));
  }

  private async onTrickle(trickle: TrickleRequest): Promise<void> {
    const pc =
      trickle.target === SignalTarget.SUBSCRIBER
        ? this.transports.subscriber
        : this.transports.publisher;
    if (!pc || !trickle.candidateInit) return;
    // Candidates may arrive before the offer they belong to has been applied.
    await this.negotiation;
    const init = JSON.parse(trickle.candidateInit) as { candidate?: string };
    if (init.candidate) await pc.addIceCandidate(init);
  }

  private onAddTrack(request: AddTrackRequest): void {
    const current = this.current();
    if (!current) return;
    const { room, participant } = current;
    if (!participant.canPublishSource(request.source)) {
      this.signal({
        case: 'requestResponse',
        value: new RequestResponse({
          reason: RequestResponse_Reason.NOT_ALLOWED,
          request: { case: 'addTrack', value: request },
        }),
      });
      return;
    }
    const track = this.deps.state.publishTrack(room, participant, {
      type: request.type,
      source: request.source,
      name: request.name,
      muted: request.muted,
    });
    if (request.width && request.height) {
      track.width = request.width;
      track.height = request.height;
    }
    this.published.set(request.cid, track.sid);
    this.signal({
      case: 'trackPublished',
      value: new TrackPublishedResponse({ cid: request.cid, track }),
    });
  }

  /** A later offer no longer sending a published track's m-line means it was unpublished. */
  private reconcileUnpublished(sdp: string): void {
    const current = this.current();
    if (!current) return;
    const sending = new Map([...sendingTracks(sdp)].map(([mid, cid]) => [cid, mid]));
    for (const [cid, trackSid] of [...this.published]) {
      const track = current.participant.findTrack(trackSid);
      const mid = sending.get(cid);
      if (track && mid !== undefined) {
        track.mid = mid;
        continue;
      }
      // Not yet in an offer: the client adds the m-line in the offer that follows addTrack.
      if (track && !track.mid) continue;
      this.published.delete(cid);
      if (track) this.deps.state.unpublishTrack(current.room, current.participant, trackSid);
      this.signal({ case: 'trackUnpublished', value: new TrackUnpublishedResponse({ trackSid }) });
    }
  }

  private onMute(request: MuteTrackRequest): void {
    const current = this.current();
    const track = current?.participant.findTrack(request.sid);
    if (!current || !track) return;
    this.deps.state.setTrackMuted(current.room, current.participant, track, request.muted, false);
  }

  private onUpdateMetadata(update: UpdateParticipantMetadata): void {
    const current = this.current();
    if (!current) return;
    if (!current.participant.info.permission?.canUpdateMetadata) {
      this.signal({
        case: 'requestResponse',
        value: new RequestResponse({
          requestId: update.requestId,
          reason: RequestResponse_Reason.NOT_ALLOWED,
          request: { case: 'updateMetadata', value: update },
        }),
      });
      return;
    }
    this.deps.state.updateParticipant(current.room, current.participant, {
      name: update.name,
      metadata: update.metadata,
      attributes: update.attributes,
    });
  }

  /** A user packet from the client goes to the others (or the named ones) in its room. */
  private onClientData(bytes: Buffer): void {
    const current = this.current();
    if (!current || !current.participant.info.permission?.canPublishData) return;
    let packet: DataPacket;
    try {
      packet = DataPacket.fromBinary(bytes);
    } catch {
      return;
    }
    if (packet.value.case !== 'user') return;
    const user = packet.value.value;
    const destinations = packet.destinationIdentities.length
      ? packet.destinationIdentities
      : user.destinationIdentities;
    this.deps.state.relayData(current.room, current.participant, {
      data: user.payload,
      kind: packet.kind,
      topic: user.topic,
      destinationIdentities: destinations,
    });
  }

  // ---- lifecycle ------------------------------------------------------------------------------

  private onConnected(): void {
    const current = this.current();
    if (current) this.deps.state.advance(current.room, current.participant, 'ACTIVE');
  }

  /** Cloud MoveParticipant: the client continues on the same connection in the new room. */
  private announceMove(): void {
    const current = this.current();
    if (!current) return;
    const token = this.tokenFor(current.room);
    this.signal({
      case: 'roomMoved',
      value: new RoomMovedResponse({
        room: current.room.toProto(),
        token,
        participant: current.participant.info,
        otherParticipants: othersOf(current.room, current.participant),
      }),
    });
  }

  /**
   * An offer of the subscriber PC stayed unanswered: the client is told to reconnect in full and
   * this session ends, as the real server's IssueFullReconnect(NegotiateFailed) does
   * (livekit/livekit pkg/rtc/participant.go; the reason maps to STATE_MISMATCH in
   * pkg/rtc/types/interfaces.go ToDisconnectReason).
   */
  private negotiationFailed(): void {
    this.deps.log(
      `rtc: ${this.request.identity}: subscriber negotiation timed out, full reconnect`,
    );
    this.signal({ case: 'leave', value: fullReconnect(this.request.protocol) });
    this.end(DisconnectReason.STATE_MISMATCH);
  }

  /** The client is gone (left, lost its connection or its signal socket closed). */
  private end(reason: DisconnectReason): void {
    const current = this.current();
    if (current) this.deps.state.leave(current.room, current.participant, reason);
    this.close();
  }

  /**
   * The token the client reconnects with, for its current room: the original claims, valid at
   * least TOKEN_TTL_S from now (`refreshToken` in livekit/livekit pkg/service/roommanager.go).
   */
  private tokenFor(room: RoomState): string {
    const claims = this.request.claims;
    const exp = Math.max(claims.exp ?? 0, Math.floor(Date.now() / 1000) + TOKEN_TTL_S);
    return this.deps.signToken({ ...claims, exp, video: { ...claims.video, room: room.name } });
  }

  /** Sends a fresh token now and every TOKEN_REFRESH_MS, as the real server does. */
  private startTokenRefresh(): void {
    const refresh = () => {
      const current = this.current();
      if (current) this.signal({ case: 'refreshToken', value: this.tokenFor(current.room) });
    };
    refresh();
    this.refreshTimer = setInterval(refresh, TOKEN_REFRESH_MS);
    this.refreshTimer.unref();
  }

  private close(): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.refreshTimer);
    this.subscriberOffers?.close();
    this.media.close();
    // After the last message has been written: the leave request must reach the client.
    setImmediate(() => {
      this.ws?.close();
      void this.transports.close();
    });
  }

  /** This session's participant, unless another session or a removal replaced it. */
  private current(): { room: RoomState; participant: Participant } | undefined {
    const room = this.deps.state.rooms.get(this.roomName);
    const participant = room?.participants.get(this.request.identity);
    return room && participant && participant.sink === this ? { room, participant } : undefined;
  }

  private joinResponse(room: RoomState, participant: Participant): SignalResponse {
    return new SignalResponse({
      message: {
        case: 'join',
        value: new JoinResponse({
          room: room.toProto(),
          participant: participant.info,
          otherParticipants: othersOf(room, participant),
          serverVersion: SERVER_VERSION,
          serverInfo: new ServerInfo({
            edition: ServerInfo_Edition.Standard,
            version: SERVER_VERSION,
            protocol: SERVER_PROTOCOL,
            nodeId: NODE_ID,
          }),
          subscriberPrimary: this.transports.subscriberPrimary,
          pingInterval: PING_INTERVAL,
          pingTimeout: PING_TIMEOUT,
          enabledPublishCodecs: room.info.enabledCodecs,
        }),
      },
    });
  }

  private signal(message: SignalResponse['message']): void {
    const response = new SignalResponse({ message });
    if (!this.ws) this.queued.push(response);
    else this.write(response);
  }

  private write(response: SignalResponse): void {
    if (!this.ws) return;
    if (this.ws.readyState === this.ws.OPEN) this.ws.send(response.toBinary());
  }
}

/** Everyone else the participant may see: hidden participants are never shown (§4.4). */
function othersOf(room: RoomState, participant: Participant): ParticipantInfo[] {
  return [...room.participants.values()]
    .filter((p) => p !== participant && p.info.permission?.hidden !== true)
    .map((p) => p.info);
}

/**
 * The leave that tells a participant removed before its socket was up why it is out: the one its
 * removal queued, or DUPLICATE_IDENTITY (a second join took over) if none was.
 */
function removalLeave(queued: readonly SignalResponse[]): SignalResponse {
  return (
    queued.find((response) => response.message.case === 'leave') ??
    new SignalResponse({
      message: { case: 'leave', value: leaveRequest(DisconnectReason.DUPLICATE_IDENTITY) },
    })
  );
}

/**
 * The refusal of a resume attempt (livekit/livekit pkg/service/roommanager.go StartSession): the
 * client then rejoins from scratch (see the README), as after a failed negotiation.
 */
export const refuseResume = (protocol: number): SignalResponse =>
  new SignalResponse({ message: { case: 'leave', value: fullReconnect(protocol) } });
