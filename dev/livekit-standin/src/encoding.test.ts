import {
  IngressInfo,
  MuteRoomTrackRequest,
  MuteRoomTrackResponse,
  Room,
  UpdateParticipantRequest,
} from '@livekit/protocol';
import { describe, expect, it } from 'vitest';
import { findDuplicateField, toTwirpJson } from './encoding';

describe('toTwirpJson', () => {
  it('emits snake_case keys, defaults, int64 strings and null for unset messages', () => {
    const json = toTwirpJson(new Room({ name: 'r', creationTime: 5n }));
    expect(json).toMatchObject({ name: 'r', creation_time: '5', metadata: '', version: null });
    expect(json.enabled_codecs).toEqual([]);
  });

  it('emits null for an unset track and for proto3 optional scalars', () => {
    expect(toTwirpJson(new MuteRoomTrackResponse())).toEqual({ track: null });
    expect(toTwirpJson(new IngressInfo()).enabled).toBeNull();
  });
});

describe('findDuplicateField', () => {
  it('rejects both names of one field, also in nested messages', () => {
    expect(findDuplicateField(MuteRoomTrackRequest, { track_sid: 'a', trackSid: 'b' })).toBe(
      'track_sid',
    );
    const nested = { permission: { can_publish: true, canPublish: false } };
    expect(findDuplicateField(UpdateParticipantRequest, nested)).toBe('can_publish');
    expect(findDuplicateField(MuteRoomTrackRequest, { trackSid: 'a', room: 'r' })).toBeUndefined();
  });
});
