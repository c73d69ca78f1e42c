import {
  ParticipantInfo,
  WebhookEvent,
  type EgressInfo,
  type IngressInfo,
  type Room,
  type TrackInfo,
} from '@livekit/protocol';
import { IdPrefix, newId } from '../ids';

/** Event names of §5.1 that the stand-in emits. */
export type WebhookEventName =
  | 'room_started'
  | 'room_finished'
  | 'participant_joined'
  | 'participant_left'
  | 'participant_connection_aborted'
  | 'track_published'
  | 'track_unpublished'
  | 'egress_started'
  | 'egress_updated'
  | 'egress_ended'
  | 'ingress_started'
  | 'ingress_ended';

/** Where state changes go; the webhook notifier implements it. */
export interface EventSink {
  /** False when no webhook URL is configured, so callers can skip building payloads. */
  readonly enabled: boolean;
  emit(event: WebhookEvent): void;
}

export const nullEventSink: EventSink = { enabled: false, emit: () => undefined };

function event(name: WebhookEventName, init: Partial<WebhookEvent>): WebhookEvent {
  return new WebhookEvent({
    ...init,
    event: name,
    id: newId(IdPrefix.event),
    createdAt: BigInt(Math.floor(Date.now() / 1000)),
  });
}

export const roomEvent = (name: 'room_started' | 'room_finished', room: Room): WebhookEvent =>
  event(name, { room });

export const participantEvent = (
  name: 'participant_joined' | 'participant_left' | 'participant_connection_aborted',
  room: Room,
  participant: ParticipantInfo,
): WebhookEvent => event(name, { room, participant });

/** Track events carry a trimmed room and participant (§5.1). */
export const trackEvent = (
  name: 'track_published' | 'track_unpublished',
  room: Room,
  participant: ParticipantInfo,
  track: TrackInfo,
): WebhookEvent =>
  event(name, {
    room,
    participant: new ParticipantInfo({ sid: participant.sid, identity: participant.identity }),
    track,
  });

export const egressEvent = (
  name: 'egress_started' | 'egress_updated' | 'egress_ended',
  room: Room,
  egressInfo: EgressInfo,
): WebhookEvent => event(name, { room, egressInfo });

export const ingressEvent = (
  name: 'ingress_started' | 'ingress_ended',
  room: Room,
  ingressInfo: IngressInfo,
): WebhookEvent => event(name, { room, ingressInfo });
