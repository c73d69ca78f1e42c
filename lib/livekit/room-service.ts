import 'server-only';

import { DataPacket_Kind, RoomAgentDispatch, type TrackInfo } from '@livekit/protocol';

import type { ParticipantDto, ParticipantPermissionDto, TrackDto } from '@/lib/contracts/dto';

import type { CreateRoomOptions } from '@/lib/schemas/rooms';

import { roomService } from './client';
import { mapLiveKitError } from './map-error';
import {
  toParticipantDto,
  toProtoPermission,
  toRoomDto,
  toTrackDto,
  type LiveKitRoom,
} from './to-dto';

/**
 * RoomService calls the domain uses, returning DTOs and throwing only DomainErrors. Each function
 * is one LiveKit call; authorization and audit are the domain's job, not this adapter's.
 */
async function call<T>(what: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw mapLiveKitError(err, what);
  }
}

export function listRooms(names?: string[]): Promise<LiveKitRoom[]> {
  return call('Rooms', async () => (await roomService().listRooms(names)).map(toRoomDto));
}

export function listParticipants(roomName: string): Promise<ParticipantDto[]> {
  return call('Participants', async () =>
    (await roomService().listParticipants(roomName)).map(toParticipantDto),
  );
}

export function getParticipant(roomName: string, identity: string): Promise<ParticipantDto> {
  return call('Participant', async () =>
    toParticipantDto(await roomService().getParticipant(roomName, identity)),
  );
}

export function createRoom(options: CreateRoomOptions): Promise<LiveKitRoom> {
  const { roomName, agents, ...rest } = options;
  return call('Room', async () =>
    toRoomDto(
      await roomService().createRoom({
        name: roomName,
        ...rest,
        agents: agents.map((a) => new RoomAgentDispatch(a)),
      }),
    ),
  );
}

export function deleteRoom(roomName: string): Promise<void> {
  return call('Room', () => roomService().deleteRoom(roomName));
}

export function updateRoomMetadata(roomName: string, metadata: string): Promise<LiveKitRoom> {
  return call('Room', async () =>
    toRoomDto(await roomService().updateRoomMetadata(roomName, metadata)),
  );
}

/** The updated track, or null when the participant has no track with that sid (LiveKit: 200 `track: null`). */
export function mutePublishedTrack(
  roomName: string,
  identity: string,
  trackSid: string,
  muted: boolean,
): Promise<TrackDto | null> {
  return call('Participant', async () => {
    // The SDK returns `undefined` typed as TrackInfo when LiveKit answers `"track": null`.
    const track: TrackInfo | undefined = await roomService().mutePublishedTrack(
      roomName,
      identity,
      trackSid,
      muted,
    );
    return track ? toTrackDto(track) : null;
  });
}

/**
 * `revokeTokenTsMs`: tokens of this identity issued (`nbf`) before then stop working — LiveKit
 * Cloud honours it, open-source servers ignore it (docs/livekit-behaviour.md §3.6).
 */
export function removeParticipant(
  roomName: string,
  identity: string,
  options: { revokeTokenTsMs?: number } = {},
): Promise<void> {
  const revokeTokenTs =
    options.revokeTokenTsMs === undefined
      ? undefined
      : BigInt(Math.floor(options.revokeTokenTsMs / 1000));
  return call('Participant', () =>
    roomService().removeParticipant(roomName, identity, revokeTokenTs ? { revokeTokenTs } : {}),
  );
}

export interface ParticipantChanges {
  name?: string;
  metadata?: string;
  attributes?: Record<string, string>;
  permission?: ParticipantPermissionDto;
}

export function updateParticipant(
  roomName: string,
  identity: string,
  changes: ParticipantChanges,
): Promise<ParticipantDto> {
  const { permission, ...rest } = changes;
  return call('Participant', async () =>
    toParticipantDto(
      await roomService().updateParticipant(roomName, identity, {
        ...rest,
        ...(permission ? { permission: toProtoPermission(permission) } : {}),
      }),
    ),
  );
}

export function updateSubscriptions(
  roomName: string,
  identity: string,
  trackSids: string[],
  subscribe: boolean,
): Promise<void> {
  return call('Participant', () =>
    roomService().updateSubscriptions(roomName, identity, trackSids, subscribe),
  );
}

export function moveParticipant(
  mode: 'move' | 'forward',
  roomName: string,
  identity: string,
  destinationRoom: string,
): Promise<void> {
  return call('Participant', () =>
    mode === 'move'
      ? roomService().moveParticipant(roomName, identity, destinationRoom)
      : roomService().forwardParticipant(roomName, identity, destinationRoom),
  );
}

export interface DataMessage {
  payload: Uint8Array;
  topic?: string;
  reliable: boolean;
  destinationIdentities: string[];
}

export function sendData(roomName: string, message: DataMessage): Promise<void> {
  return call('Room', () =>
    roomService().sendData(
      roomName,
      message.payload,
      message.reliable ? DataPacket_Kind.RELIABLE : DataPacket_Kind.LOSSY,
      { topic: message.topic, destinationIdentities: message.destinationIdentities },
    ),
  );
}
