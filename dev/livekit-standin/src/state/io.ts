import {
  EgressInfo,
  EgressSourceType,
  EgressStatus,
  IngressInfo,
  IngressInput,
  IngressState,
  IngressState_Status,
  ParticipantEgressRequest,
  Room,
  RoomCompositeEgressRequest,
  TrackEgressRequest,
  WebEgressRequest,
} from '@livekit/protocol';
import { TwirpError, rpcError } from '../errors';
import { IdPrefix, newId, randomBase57 } from '../ids';
import { egressEvent, ingressEvent, type EventSink } from '../webhooks/events';

export type EgressKind = 'room_composite' | 'web' | 'participant' | 'track';

export interface NewEgress {
  kind: EgressKind;
  roomName: string;
  roomId: string;
  identity?: string;
  trackSid?: string;
  url?: string;
}

export interface NewIngress {
  roomName: string;
  name?: string;
  inputType?: IngressInput;
  participantIdentity?: string;
  participantName?: string;
}

const ACTIVE_EGRESS = new Set([
  EgressStatus.EGRESS_STARTING,
  EgressStatus.EGRESS_ACTIVE,
  EgressStatus.EGRESS_ENDING,
]);

const nowNanos = (): bigint => BigInt(Date.now()) * 1_000_000n;

/**
 * Simulated Redis-backed egress/ingress entries (`--egress`). Nothing is recorded or ingested;
 * the entries only go through the states and webhooks a dashboard would observe (§5.1, §6.2, §6.3).
 */
export class IoStore {
  readonly egress = new Map<string, EgressInfo>();
  readonly ingress = new Map<string, IngressInfo>();

  constructor(private readonly events: EventSink) {}

  isActive(info: EgressInfo): boolean {
    return ACTIVE_EGRESS.has(info.status);
  }

  hasActiveEgress(roomName: string): boolean {
    for (const info of this.egress.values()) {
      if (info.roomName === roomName && this.isActive(info)) return true;
    }
    return false;
  }

  startEgress(spec: NewEgress): EgressInfo {
    const info = new EgressInfo({
      egressId: newId(IdPrefix.egress),
      roomId: spec.roomId,
      roomName: spec.roomName,
      sourceType:
        spec.kind === 'participant' || spec.kind === 'track'
          ? EgressSourceType.SDK
          : EgressSourceType.WEB,
      status: EgressStatus.EGRESS_STARTING,
      startedAt: nowNanos(),
      updatedAt: nowNanos(),
      request: egressRequest(spec),
    });
    this.egress.set(info.egressId, info);
    this.emitEgress('egress_started', info);
    info.status = EgressStatus.EGRESS_ACTIVE;
    info.updatedAt = nowNanos();
    this.emitEgress('egress_updated', info);
    return info;
  }

  /** Real StopEgress answers with EGRESS_ENDING; the simulated recorder then completes at once. */
  stopEgress(egressId: string): EgressInfo {
    const info = this.egress.get(egressId);
    if (!info) throw rpcError('not_found', 'egress does not exist');
    if (!this.isActive(info)) {
      throw new TwirpError(
        'failed_precondition',
        `egress with status ${EgressStatus[info.status]} cannot be stopped`,
      );
    }
    info.status = EgressStatus.EGRESS_ENDING;
    info.updatedAt = nowNanos();
    this.emitEgress('egress_updated', info);
    const answer = info.clone();
    info.status = EgressStatus.EGRESS_COMPLETE;
    info.endedAt = nowNanos();
    info.updatedAt = info.endedAt;
    this.emitEgress('egress_ended', info);
    return answer;
  }

  createIngress(spec: NewIngress): IngressInfo {
    const inputType = spec.inputType ?? IngressInput.RTMP_INPUT;
    const streamKey = randomBase57(12);
    const info = new IngressInfo({
      ingressId: newId(IdPrefix.ingress),
      name: spec.name ?? '',
      streamKey,
      url:
        inputType === IngressInput.WHIP_INPUT
          ? 'http://127.0.0.1:8080/w'
          : 'rtmp://127.0.0.1:1935/x',
      inputType,
      roomName: spec.roomName,
      participantIdentity: spec.participantIdentity ?? '',
      participantName: spec.participantName ?? '',
      reusable: inputType === IngressInput.RTMP_INPUT,
      state: new IngressState({ status: IngressState_Status.ENDPOINT_INACTIVE }),
    });
    this.ingress.set(info.ingressId, info);
    return info;
  }

  /** An encoder connected: PUBLISHING and `ingress_started`. */
  startIngress(ingressId: string, roomId: string): IngressInfo {
    const info = this.requireIngress(ingressId);
    info.state = new IngressState({
      status: IngressState_Status.ENDPOINT_PUBLISHING,
      roomId,
      startedAt: nowNanos(),
      updatedAt: nowNanos(),
    });
    this.emitIngress('ingress_started', info);
    return info;
  }

  /** The encoder went away: back to INACTIVE and `ingress_ended`. */
  stopIngress(ingressId: string): IngressInfo {
    const info = this.requireIngress(ingressId);
    const state = info.state ?? new IngressState();
    if (state.status === IngressState_Status.ENDPOINT_PUBLISHING) {
      state.status = IngressState_Status.ENDPOINT_INACTIVE;
      state.endedAt = nowNanos();
      state.updatedAt = state.endedAt;
      info.state = state;
      this.emitIngress('ingress_ended', info);
    }
    return info;
  }

  deleteIngress(ingressId: string): IngressInfo {
    const info = this.stopIngress(ingressId);
    this.ingress.delete(ingressId);
    return info;
  }

  requireIngress(ingressId: string): IngressInfo {
    const info = this.ingress.get(ingressId);
    if (!info) throw rpcError('not_found', 'ingress does not exist');
    return info;
  }

  clear(): void {
    this.egress.clear();
    this.ingress.clear();
  }

  private emitEgress(
    name: 'egress_started' | 'egress_updated' | 'egress_ended',
    info: EgressInfo,
  ): void {
    if (!this.events.enabled) return;
    this.events.emit(egressEvent(name, new Room({ sid: info.roomId, name: info.roomName }), info));
  }

  private emitIngress(name: 'ingress_started' | 'ingress_ended', info: IngressInfo): void {
    if (!this.events.enabled) return;
    // Ingress events name the room only (§5.1).
    this.events.emit(ingressEvent(name, new Room({ name: info.roomName }), info));
  }
}

function egressRequest(spec: NewEgress): EgressInfo['request'] {
  switch (spec.kind) {
    case 'participant':
      return {
        case: 'participant',
        value: new ParticipantEgressRequest({
          roomName: spec.roomName,
          identity: spec.identity ?? '',
        }),
      };
    case 'track':
      return {
        case: 'track',
        value: new TrackEgressRequest({ roomName: spec.roomName, trackId: spec.trackSid ?? '' }),
      };
    case 'web':
      return { case: 'web', value: new WebEgressRequest({ url: spec.url ?? '' }) };
    default:
      return {
        case: 'roomComposite',
        value: new RoomCompositeEgressRequest({ roomName: spec.roomName, layout: 'speaker' }),
      };
  }
}
