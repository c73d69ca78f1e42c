import { describe, expect, it } from 'vitest';

import type { NewLiveEvent } from '@/lib/contracts/live-events';

import { createMemoryBus } from './bus';
import { KnownState, TOMBSTONE_MAX, TOMBSTONE_TTL_MS } from './known-state';
import { at, participant, room, track } from './reconciler-test-fixtures';

const base = { ...at, origin: 'webhook' as const, roomName: 'r', tenant: 'acme' };
const started: NewLiveEvent = {
  ...base,
  type: 'room.started',
  room: room('r', { tenant: 'acme' }),
};
const finished: NewLiveEvent = { ...base, type: 'room.finished', roomSid: 'RM_r' };
const joined = (identity: string, sid = `PA_${identity}`): NewLiveEvent => ({
  ...base,
  type: 'participant.joined',
  participant: participant(identity, { sid, tracks: [track('TR_1')] }),
});
const left = (identity: string, reason: 'CLIENT_INITIATED' | 'UNKNOWN_REASON'): NewLiveEvent => ({
  ...base,
  type: 'participant.left',
  identity,
  participantSid: `PA_${identity}`,
  reason,
});
const trackEvent = (
  type: 'track.muted' | 'track.unpublished' | 'track.published',
): NewLiveEvent => ({
  ...base,
  type,
  identity: 'a',
  participantSid: 'PA_a',
  track: track('TR_1', { muted: type === 'track.muted' }),
});

describe('KnownState', () => {
  it('follows the bus: rooms with their tenant, participants with their tracks', () => {
    const bus = createMemoryBus();
    const state = new KnownState();
    state.follow(bus);
    expect(state.tenantOf('r')).toBeUndefined();
    bus.publish(started);
    bus.publish(joined('a'));
    bus.publish(trackEvent('track.muted'));
    expect(state.tenantOf('r')).toBe('acme');
    expect(state.rooms().map((r) => r.sid)).toEqual(['RM_r']);
    expect(state.participants('r')?.[0]?.tracks[0]?.muted).toBe(true);
    bus.publish(finished);
    expect(state.tenantOf('r')).toBeUndefined();
    expect(state.participants('r')).toBeUndefined();
  });

  it('never lets a participant that left rejoin (participant_left delivered first)', () => {
    const state = new KnownState();
    state.apply(started);
    state.apply(left('a', 'CLIENT_INITIATED'));
    expect(state.isStale(joined('a'))).toBe(true);
    expect(state.isStale(trackEvent('track.published'))).toBe(true);
    state.apply(joined('a'));
    expect(state.participants('r')).toBeUndefined();
    // The same identity with a new sid is a new session, not a resurrection.
    expect(state.isStale(joined('a', 'PA_a2'))).toBe(false);
  });

  it('accepts a webhook’s real leave reason after reconciliation reported UNKNOWN_REASON', () => {
    const state = new KnownState();
    state.apply(joined('a'));
    state.apply(left('a', 'UNKNOWN_REASON'));
    expect(state.isStale(left('a', 'UNKNOWN_REASON'))).toBe(true);
    expect(state.isStale(left('a', 'CLIENT_INITIATED'))).toBe(false);
    state.apply(left('a', 'CLIENT_INITIATED'));
    expect(state.isStale(left('a', 'CLIENT_INITIATED'))).toBe(true);
  });

  it('never restarts a finished room sid, nor re-mutes an unpublished track', () => {
    const state = new KnownState();
    state.apply(finished);
    expect(state.isStale(started)).toBe(true);
    expect(state.isStale({ ...started, room: room('r', { sid: 'RM_next' }) })).toBe(false);
    state.apply(joined('a'));
    state.apply(trackEvent('track.unpublished'));
    expect(state.isStale(trackEvent('track.muted'))).toBe(true);
    expect(state.participants('r')?.[0]?.tracks).toEqual([]);
  });

  it('refuses a row older than the known one (a slow participant_joined)', () => {
    const state = new KnownState();
    const row = (version: number, tracks = [track('TR_1')]) =>
      participant('a', { version, tracks });
    state.apply({ ...base, origin: 'reconcile', type: 'participant.joined', participant: row(3) });
    const slow: NewLiveEvent = { ...base, type: 'participant.joined', participant: row(2, []) };
    expect(state.isStale(slow)).toBe(true);
    state.apply(slow);
    expect(state.participant('r', 'a')?.tracks).toHaveLength(1);
    expect(state.isStale({ ...slow, participant: row(3) })).toBe(false);
  });

  it('ignores a late finish of an earlier session of the same room name', () => {
    const state = new KnownState();
    state.apply({ ...started, room: room('r', { sid: 'RM_next' }) });
    state.apply(finished);
    expect(state.room('r')?.sid).toBe('RM_next');
  });

  it('forgets tombstones after their TTL and keeps at most TOMBSTONE_MAX', () => {
    let now = 0;
    const state = new KnownState(() => now);
    state.apply(left('a', 'CLIENT_INITIATED'));
    now = TOMBSTONE_TTL_MS - 1;
    expect(state.isStale(joined('a'))).toBe(true);
    now = TOMBSTONE_TTL_MS;
    expect(state.isStale(joined('a'))).toBe(false);
    for (let i = 0; i < TOMBSTONE_MAX + 10; i += 1) {
      state.apply({ ...finished, roomSid: `RM_${i}` });
    }
    expect(state.tombstoneCount()).toBeLessThanOrEqual(TOMBSTONE_MAX + 1);
  });
});
