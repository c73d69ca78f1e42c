import 'server-only';

import {
  ParticipantInfo_Kind,
  ParticipantInfo_KindDetail,
  ParticipantInfo_State,
  ParticipantPermission as ProtoParticipantPermission,
  TrackSource,
  TrackType,
  VideoQuality,
  type ParticipantInfo,
  type ParticipantPermission,
  type Room,
  type TrackInfo,
} from '@livekit/protocol';

import type {
  ParticipantDto,
  ParticipantKind,
  ParticipantPermissionDto,
  ParticipantState,
  RoomDto,
  TrackDto,
  TrackSource as TrackSourceName,
  TrackType as TrackTypeName,
  VideoLayerDto,
} from '@/lib/contracts/dto';

/** protobuf-es int64 fields are bigint; DTOs carry numbers (ms) that JSON can hold. */
const ms = (value: bigint): number => Number(value);

// protobuf-es v1 emits TypeScript numeric enums, whose reverse mapping gives LiveKit's enum names.
function enumName<T extends string>(e: Record<number, string>, value: number, fallback: T): T {
  return (e[value] as T | undefined) ?? fallback;
}

/** The tenant is a domain rule (lib/domain/tenant.ts), added by the domain, not by this adapter. */
export type LiveKitRoom = Omit<RoomDto, 'tenant'>;

export function toRoomDto(room: Room): LiveKitRoom {
  return {
    sid: room.sid,
    name: room.name,
    emptyTimeout: room.emptyTimeout,
    departureTimeout: room.departureTimeout,
    maxParticipants: room.maxParticipants,
    // Older servers only fill creation_time (seconds).
    creationTimeMs: room.creationTimeMs ? ms(room.creationTimeMs) : ms(room.creationTime) * 1000,
    metadata: room.metadata,
    numParticipants: room.numParticipants,
    numPublishers: room.numPublishers,
    activeRecording: room.activeRecording,
  };
}

export function toTrackDto(track: TrackInfo): TrackDto {
  return {
    sid: track.sid,
    type: enumName<TrackTypeName>(TrackType, track.type, 'AUDIO'),
    source: enumName<TrackSourceName>(TrackSource, track.source, 'UNKNOWN'),
    name: track.name,
    muted: track.muted,
    simulcast: track.simulcast || track.layers.length > 1,
    width: track.width,
    height: track.height,
    mimeType: track.mimeType,
    layers: track.layers.map((layer): VideoLayerDto => ({
      quality: enumName<VideoLayerDto['quality']>(VideoQuality, layer.quality, 'LOW'),
      width: layer.width,
      height: layer.height,
      bitrate: layer.bitrate,
    })),
  };
}

export function toPermissionDto(p: ParticipantPermission): ParticipantPermissionDto {
  return {
    canSubscribe: p.canSubscribe,
    canPublish: p.canPublish,
    canPublishData: p.canPublishData,
    canPublishSources: p.canPublishSources
      .map((s) => enumName<TrackSourceName>(TrackSource, s, 'UNKNOWN'))
      .filter((s): s is Exclude<TrackSourceName, 'UNKNOWN'> => s !== 'UNKNOWN'),
    hidden: p.hidden,
    recorder: p.recorder,
    canUpdateMetadata: p.canUpdateMetadata,
    agent: p.agent,
    canSubscribeMetrics: p.canSubscribeMetrics,
    canManageAgentSession: p.canManageAgentSession,
  };
}

export function toParticipantDto(p: ParticipantInfo): ParticipantDto {
  return {
    sid: p.sid,
    identity: p.identity,
    name: p.name,
    state: enumName<ParticipantState>(ParticipantInfo_State, p.state, 'JOINING'),
    kind: enumName<ParticipantKind>(ParticipantInfo_Kind, p.kind, 'STANDARD'),
    kindDetails: p.kindDetails.map((d) => enumName(ParticipantInfo_KindDetail, d, 'UNKNOWN')),
    joinedAtMs: p.joinedAtMs ? ms(p.joinedAtMs) : ms(p.joinedAt) * 1000,
    metadata: p.metadata,
    attributes: { ...p.attributes },
    permission: p.permission ? toPermissionDto(p.permission) : null,
    isPublisher: p.isPublisher,
    region: p.region,
    version: p.version,
    tracks: p.tracks.map(toTrackDto),
  };
}

/** The complete permission LiveKit will store (it replaces the whole set, docs/livekit-behaviour.md §3.8). */
export function toProtoPermission(p: ParticipantPermissionDto): ProtoParticipantPermission {
  return new ProtoParticipantPermission({
    ...p,
    canPublishSources: p.canPublishSources.map((s) => TrackSource[s]),
  });
}
