import { DisconnectReason, ParticipantInfo_Kind, TrackSource, TrackType } from '@livekit/protocol';
import { describe, expect, it } from 'vitest';
import { StandinState } from './store';

const MIC = { type: TrackType.AUDIO, source: TrackSource.MICROPHONE };

describe('StandinState', () => {
  it('closes an unused room after empty_timeout and a left room after departure_timeout', () => {
    const state = new StandinState();
    const { room } = state.createRoom({ name: 'a', emptyTimeout: 10, departureTimeout: 2 });
    const created = Number(room.info.creationTime);
    state.closeIdleRooms(created + 9);
    expect(state.rooms.has('a')).toBe(true);
    const alice = state.join('a', { identity: 'alice' });
    state.leave(room, alice, DisconnectReason.CLIENT_INITIATED);
    state.closeIdleRooms(room.lastLeftAt + 1);
    expect(state.rooms.has('a')).toBe(true);
    state.closeIdleRooms(room.lastLeftAt + 2);
    expect(state.rooms.has('a')).toBe(false);
  });

  it('does not count dependent participants', () => {
    const state = new StandinState();
    state.join('r', { identity: 'bot', kind: ParticipantInfo_Kind.AGENT, tracks: [MIC] });
    state.join('r', { identity: 'alice', tracks: [MIC] });
    const room = state.rooms.get('r')!.toProto();
    expect(room.numParticipants).toBe(1);
    expect(room.numPublishers).toBe(2);
  });

  it('records the leave request of a removed participant', () => {
    const state = new StandinState();
    const alice = state.join('r', { identity: 'alice' });
    state.leave(state.rooms.get('r')!, alice, DisconnectReason.PARTICIPANT_REMOVED);
    expect(state.received.get('r', 'alice')).toMatchObject([
      { type: 'leave', reason: 'PARTICIPANT_REMOVED', action: 'DISCONNECT' },
    ]);
  });
});
