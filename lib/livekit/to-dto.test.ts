import {
  ParticipantInfo,
  ParticipantInfo_Kind,
  ParticipantInfo_State,
  ParticipantPermission,
  Room,
  SimulcastCodecInfo,
  TrackInfo,
  TrackSource,
  TrackType,
  VideoLayer,
  VideoQuality,
} from '@livekit/protocol';
import { describe, expect, it } from 'vitest';

import { toParticipantDto, toRoomDto } from './to-dto';

describe('toRoomDto', () => {
  it('turns int64 bigints into JSON-safe milliseconds', () => {
    const dto = toRoomDto(
      new Room({
        sid: 'RM_abc',
        name: 'standup',
        emptyTimeout: 300,
        departureTimeout: 20,
        creationTime: 1766000000n,
        creationTimeMs: 1766000000123n,
        metadata: '{"auth_id":"acme"}',
        numParticipants: 3,
        numPublishers: 2,
        activeRecording: true,
      }),
    );
    expect(dto).toEqual({
      sid: 'RM_abc',
      name: 'standup',
      emptyTimeout: 300,
      departureTimeout: 20,
      maxParticipants: 0,
      creationTimeMs: 1766000000123,
      metadata: '{"auth_id":"acme"}',
      numParticipants: 3,
      numPublishers: 2,
      activeRecording: true,
    });
    expect(() => JSON.stringify(dto)).not.toThrow();
  });

  it('falls back to creation_time seconds on servers without creation_time_ms', () => {
    expect(toRoomDto(new Room({ creationTime: 1766000000n })).creationTimeMs).toBe(1766000000000);
  });
});

describe('toParticipantDto', () => {
  const info = new ParticipantInfo({
    sid: 'PA_1',
    identity: 'alice',
    name: 'Alice',
    state: ParticipantInfo_State.ACTIVE,
    kind: ParticipantInfo_Kind.AGENT,
    joinedAt: 1766000005n,
    joinedAtMs: 1766000005012n,
    attributes: { role: 'host' },
    version: 4,
    isPublisher: true,
    permission: new ParticipantPermission({
      canSubscribe: true,
      canPublish: true,
      canPublishData: true,
      canPublishSources: [TrackSource.CAMERA, TrackSource.MICROPHONE],
      hidden: true,
    }),
    tracks: [
      new TrackInfo({
        sid: 'TR_VC1',
        type: TrackType.VIDEO,
        source: TrackSource.CAMERA,
        muted: true,
        width: 1280,
        height: 720,
        mimeType: 'video/VP8',
        layers: [
          new VideoLayer({ quality: VideoQuality.LOW, width: 320, height: 180, bitrate: 150000 }),
          new VideoLayer({
            quality: VideoQuality.HIGH,
            width: 1280,
            height: 720,
            bitrate: 1700000,
          }),
        ],
        codecs: [new SimulcastCodecInfo({ mimeType: 'video/VP8' })],
      }),
    ],
  });

  it('uses LiveKit’s enum names and ms times', () => {
    const dto = toParticipantDto(info);
    expect(dto).toMatchObject({
      identity: 'alice',
      state: 'ACTIVE',
      kind: 'AGENT',
      joinedAtMs: 1766000005012,
      attributes: { role: 'host' },
      permission: {
        canPublishSources: ['CAMERA', 'MICROPHONE'],
        hidden: true,
        canUpdateMetadata: false,
      },
    });
    expect(dto.tracks[0]).toMatchObject({
      sid: 'TR_VC1',
      type: 'VIDEO',
      source: 'CAMERA',
      muted: true,
      simulcast: true,
      layers: [
        { quality: 'LOW', width: 320, height: 180, bitrate: 150000 },
        { quality: 'HIGH', width: 1280, height: 720, bitrate: 1700000 },
      ],
    });
    expect(JSON.parse(JSON.stringify(dto))).toEqual(dto);
  });

  it('keeps a missing permission as null', () => {
    expect(toParticipantDto(new ParticipantInfo({ identity: 'bob' })).permission).toBeNull();
  });
});
