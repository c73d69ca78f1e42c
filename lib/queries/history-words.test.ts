import { describe, expect, it } from 'vitest';

import type { RoomEventDto } from '@/lib/contracts/history';

import { describeRoomEvent } from './history-words';

function trackEvent(type: 'track.published' | 'track.unpublished', source?: string): RoomEventDto {
  return {
    id: 'EV_1',
    roomSid: 'RM_1',
    roomName: 'standup',
    atMs: 1,
    type,
    identity: 'ann',
    trackSid: 'TR_1',
    detail: source ? { source } : null,
  };
}

describe('describeRoomEvent', () => {
  it('says what a participant started and stopped publishing, naming the track once', () => {
    expect(describeRoomEvent(trackEvent('track.published', 'SCREEN_SHARE'))).toBe(
      'ann started publishing their screen share',
    );
    expect(describeRoomEvent(trackEvent('track.unpublished', 'MICROPHONE'))).toBe(
      'ann stopped publishing their microphone',
    );
    // A track whose source the timeline does not know.
    expect(describeRoomEvent(trackEvent('track.published'))).toBe(
      'ann started publishing their track',
    );
  });
});
