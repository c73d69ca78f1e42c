import type { ParticipantDto, RoomDto, TrackDto } from '@/lib/contracts/dto';
import type { LiveEvent, NewLiveEvent } from '@/lib/contracts/live-events';

import { createMemoryBus, type LiveBus } from './bus';
import { KnownState } from './known-state';
import {
  reconcilePass,
  TouchTracker,
  type PassPlan,
  type ReconcileSource,
} from './reconciler-pass';

/** Test helpers of lib/live: plain DTOs and an event recorder. */

export function room(name: string, overrides: Partial<RoomDto> = {}): RoomDto {
  return {
    sid: `RM_${name}`,
    name,
    emptyTimeout: 300,
    departureTimeout: 20,
    maxParticipants: 0,
    creationTimeMs: 1_700_000_000_000,
    metadata: '',
    numParticipants: 0,
    numPublishers: 0,
    activeRecording: false,
    tenant: null,
    ...overrides,
  };
}

export function track(sid: string, overrides: Partial<TrackDto> = {}): TrackDto {
  return {
    sid,
    type: 'AUDIO',
    source: 'MICROPHONE',
    name: '',
    muted: false,
    simulcast: false,
    width: 0,
    height: 0,
    mimeType: 'audio/opus',
    layers: [],
    ...overrides,
  };
}

export function participant(
  identity: string,
  overrides: Partial<ParticipantDto> = {},
): ParticipantDto {
  return {
    sid: `PA_${identity}`,
    identity,
    name: identity,
    state: 'ACTIVE',
    kind: 'STANDARD',
    kindDetails: [],
    joinedAtMs: 1_700_000_000_000,
    metadata: '',
    attributes: {},
    permission: null,
    isPublisher: false,
    region: '',
    version: 1,
    tracks: [],
    ...overrides,
  };
}

export const at = { atMs: 1_700_000_001_000, origin: 'reconcile' as const };

/** Records what a bus carries, for assertions. */
export function recorder(bus: LiveBus) {
  const events: LiveEvent[] = [];
  const unsubscribe = bus.subscribe((e) => events.push(e));
  return {
    events,
    unsubscribe,
    clear: () => events.splice(0),
    /** Events as `type identity-or-room`, for compact assertions. */
    summary: (filter: (e: LiveEvent) => boolean = () => true) =>
      events.filter(filter).map(describeEvent),
  };
}

export function describeEvent(e: LiveEvent | NewLiveEvent): string {
  switch (e.type) {
    case 'participant.joined':
      return `${e.type} ${e.participant.identity}`;
    case 'participant.updated':
      return `${e.type} ${e.participant.identity} [${e.changed.join(',')}]`;
    case 'participant.left':
      return `${e.type} ${e.identity} ${e.reason}`;
    case 'track.published':
    case 'track.unpublished':
    case 'track.muted':
    case 'track.unmuted':
      return `${e.type} ${e.identity}`;
    case 'moderation.action':
      return `${e.type} ${e.action} ${e.outcome}`;
    default:
      return `${e.type} ${e.roomName}`;
  }
}

/** A bus and a known state following it, as on every instance. */
export function followedBus(instanceId?: string): { bus: LiveBus; known: KnownState } {
  const bus = createMemoryBus(instanceId);
  const known = new KnownState();
  known.follow(bus);
  return { bus, known };
}

/** One pass over `source` that publishes on the bus, as reconciliation does. */
export function passOnce(
  { bus, known }: { bus: LiveBus; known: KnownState },
  source: ReconcileSource,
  plan: Omit<PassPlan, 'concurrency'>,
  ctx: { atMs: number; origin: 'reconcile' | 'action' } = at,
): Promise<NewLiveEvent[]> {
  return reconcilePass(
    { source, known, touches: new TouchTracker(bus) },
    { concurrency: 1, ...plan },
    ctx,
    (e) => bus.publish(e),
  );
}
