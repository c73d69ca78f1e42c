import { describe, expect, it } from 'vitest';

import type { LiveEvent } from '@/lib/contracts/live-events';
import { toTimelineEntry } from '@/lib/contracts/timeline-entry';

import { participant, room } from './reconciler-test-fixtures';

const base = { id: 'i1-7', atMs: 1_700_000_002_000, origin: 'webhook' as const, tenant: null };

describe('toTimelineEntry', () => {
  it('keeps presence-only and track-only participant updates off the timeline', () => {
    const event: LiveEvent = {
      ...base,
      roomName: 'standup',
      type: 'participant.updated',
      participant: participant('ann', { state: 'ACTIVE' }),
      changed: ['state', 'tracks'],
    };
    expect(toTimelineEntry(event, 'RM_standup')).toBeNull();
  });

  it('names only the fields a person would call a change, with their new values', () => {
    const event: LiveEvent = {
      ...base,
      roomName: 'standup',
      type: 'participant.updated',
      participant: participant('ann', { name: 'Ann B', metadata: 'x'.repeat(3000) }),
      changed: ['name', 'metadata', 'state'],
    };
    const entry = toTimelineEntry(event, 'RM_standup')!;
    expect(entry.detail!.changed).toEqual(['name', 'metadata']);
    expect(entry.detail!.name).toBe('Ann B');
    // Large metadata is previewed, never copied whole into every row.
    expect(String(entry.detail!.metadata)).toHaveLength(2001);
  });

  it("takes the room's own sid when the caller does not know the session", () => {
    const started: LiveEvent = {
      ...base,
      roomName: 'standup',
      type: 'room.started',
      room: room('standup'),
    };
    expect(toTimelineEntry(started)!.roomSid).toBe('RM_standup');
    expect(toTimelineEntry(started, 'RM_other')!.roomSid).toBe('RM_other');
    const finished: LiveEvent = {
      ...base,
      roomName: 'standup',
      type: 'room.finished',
      roomSid: '',
    };
    expect(toTimelineEntry(finished)!.roomSid).toBeNull();
  });
});
