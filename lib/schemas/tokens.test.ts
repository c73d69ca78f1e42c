import { describe, expect, it } from 'vitest';

import { VIDEO_GRANT_FLAG_KEYS } from '@/lib/contracts/tokens';

import { generateTokenFormSchema, type GenerateTokenFormInput } from './tokens';

const form = (over: Partial<GenerateTokenFormInput['video']> = {}): GenerateTokenFormInput => ({
  identity: 'alice',
  name: '',
  metadata: '',
  attributes: [{ key: 'team', value: 'red' }],
  ttlMinutes: 90,
  video: {
    ...(Object.fromEntries(VIDEO_GRANT_FLAG_KEYS.map((k) => [k, false])) as Record<
      (typeof VIDEO_GRANT_FLAG_KEYS)[number],
      boolean
    >),
    room: 'lobby',
    destinationRoom: '',
    canPublishSources: [],
    ...over,
  },
  withRoomConfig: false,
  roomConfig: {
    name: '',
    emptyTimeout: 0,
    departureTimeout: 0,
    maxParticipants: 0,
    metadata: '',
    minPlayoutDelay: 0,
    maxPlayoutDelay: 0,
    syncStreams: false,
    agents: [],
  },
});

describe('the token form', () => {
  it('writes checked grants, and unchecked ones only where LiveKit would assume true', () => {
    const parsed = generateTokenFormSchema.parse(form({ roomJoin: true, canSubscribe: true }));
    expect(parsed.video).toEqual({
      roomJoin: true,
      room: 'lobby',
      canSubscribe: true,
      canPublish: false,
      canPublishData: false,
    });
    expect(parsed.ttlSeconds).toBe(90 * 60);
    expect(parsed.attributes).toEqual({ team: 'red' });
    expect(parsed.roomConfig).toBeUndefined();
  });

  it('checks what the server checks, on the form’s fields', () => {
    const noRoom = generateTokenFormSchema.safeParse(form({ roomJoin: true, room: '' }));
    expect(noRoom.error?.issues.map((i) => i.path.join('.'))).toEqual(['video.room']);
    const twice = generateTokenFormSchema.safeParse({
      ...form(),
      attributes: [
        { key: 'a', value: '1' },
        { key: 'a', value: '2' },
      ],
    });
    expect(twice.error?.issues.map((i) => i.path.join('.'))).toEqual(['attributes.1.key']);
    const long = generateTokenFormSchema.safeParse({ ...form(), ttlMinutes: 24 * 60 + 1 });
    expect(long.error?.issues.map((i) => i.path.join('.'))).toEqual(['ttlMinutes']);
  });
});
