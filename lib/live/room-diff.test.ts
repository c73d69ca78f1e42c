import { describe, expect, it } from 'vitest';

import type { KnownRoom } from './known-state';
import { at, describeEvent, participant, room, track } from './reconciler-test-fixtures';
import { diffParticipants, diffRoom, participantChanges, roomGone, webhookKey } from './room-diff';

const known = (r = room('r')): KnownRoom => ({ room: r, sid: r.sid, tenant: r.tenant });

describe('diffRoom', () => {
  it('starts an unknown room', () => {
    expect(diffRoom(undefined, room('r'), undefined, at).map(describeEvent)).toEqual([
      'room.started r',
    ]);
  });

  it('updates a room whose metadata, counts or tenant changed, and nothing else', () => {
    expect(diffRoom(known(), room('r'), undefined, at)).toEqual([]);
    const listed = room('r', {
      numParticipants: 2,
      metadata: '{"auth_id":"acme"}',
      tenant: 'acme',
    });
    const [event] = diffRoom(known(), listed, undefined, at);
    expect(event).toMatchObject({ type: 'room.updated', room: listed, tenant: 'acme' });
  });

  it('finishes the earlier session (its participants leaving) when the sid changed', () => {
    const events = diffRoom(known(), room('r', { sid: 'RM_new' }), [participant('a')], at);
    expect(events.map(describeEvent)).toEqual([
      'participant.left a UNKNOWN_REASON',
      'room.finished r',
      'room.started r',
    ]);
    expect(events[1]).toMatchObject({ roomSid: 'RM_r' });
  });

  it('lets a gone room’s participants leave before it finishes, with the given reason', () => {
    const events = roomGone(known(), [participant('a')], 'ROOM_DELETED', at);
    expect(events.map(describeEvent)).toEqual([
      'participant.left a ROOM_DELETED',
      'room.finished r',
    ]);
  });
});

describe('diffParticipants', () => {
  const diff = (before: Parameters<typeof diffParticipants>[2], after: typeof before) =>
    diffParticipants('r', 'acme', before, after, at).map(describeEvent);

  it('joins new participants with their tracks in the row, and leaves missing ones', () => {
    const alice = participant('alice', { tracks: [track('TR_a')] });
    const events = diffParticipants('r', 'acme', [participant('bob')], [alice], at);
    expect(events.map(describeEvent)).toEqual([
      'participant.left bob UNKNOWN_REASON',
      'participant.joined alice',
    ]);
    expect(events[1]).toMatchObject({ tenant: 'acme', participant: { tracks: [{ sid: 'TR_a' }] } });
  });

  it('treats a new sid for a known identity as a leave and a join', () => {
    expect(diff([participant('a')], [participant('a', { sid: 'PA_again' })])).toEqual([
      'participant.left a UNKNOWN_REASON',
      'participant.joined a',
    ]);
  });

  it('reports track publishes, unpublishes and mutes as track events only', () => {
    const before = participant('a', { tracks: [track('TR_1'), track('TR_2')] });
    const after = participant('a', {
      tracks: [track('TR_2', { muted: true }), track('TR_3', { type: 'VIDEO' })],
      version: 7,
    });
    expect(diff([before], [after])).toEqual([
      'track.unpublished a',
      'track.muted a',
      'track.published a',
    ]);
  });

  it('reports which fields changed, attributes and permission compared by value', () => {
    const permission = {
      canSubscribe: true,
      canPublish: true,
      canPublishData: true,
      canPublishSources: [],
      hidden: false,
      recorder: false,
      canUpdateMetadata: false,
      agent: false,
      canSubscribeMetrics: false,
      canManageAgentSession: false,
    };
    const before = participant('a', {
      attributes: { x: '1', y: '2' },
      permission,
      state: 'JOINED',
    });
    const same = participant('a', {
      attributes: { y: '2', x: '1' },
      permission: { ...permission },
      state: 'JOINED',
    });
    expect(diff([before], [same])).toEqual([]);
    const after = {
      ...same,
      name: 'Alice',
      state: 'ACTIVE' as const,
      permission: { ...permission, canPublish: false },
    };
    expect(diff([before], [after])).toEqual(['participant.updated a [name,permission,state]']);
  });

  it('reports track changes the track events do not cover as a "tracks" change', () => {
    const before = participant('a', { tracks: [track('TR_1', { width: 640 })] });
    const after = participant('a', { tracks: [track('TR_1', { width: 1280 })] });
    expect(diff([before], [after])).toEqual(['participant.updated a [tracks]']);
    expect(participantChanges(before, before)).toEqual([]);
  });
});

describe('webhookKey', () => {
  it('keys only what LiveKit sends a webhook for', () => {
    const base = { ...at, roomName: 'r', tenant: null };
    expect(webhookKey({ ...base, type: 'room.started', room: room('r') })).toBe(
      'room:RM_r:started',
    );
    expect(webhookKey({ ...base, type: 'participant.joined', participant: participant('a') })).toBe(
      'participant:PA_a:joined',
    );
    // participant_joined is sent when the participant turns ACTIVE (docs/livekit-behaviour.md §5.1).
    const joining = participant('a', { state: 'JOINING' });
    expect(webhookKey({ ...base, type: 'participant.joined', participant: joining })).toBeNull();
    expect(
      webhookKey({
        ...base,
        type: 'participant.updated',
        participant: participant('a'),
        changed: ['state'],
      }),
    ).toBe('participant:PA_a:joined');
    const who = { identity: 'a', participantSid: 'PA_a', track: track('TR_1') };
    expect(webhookKey({ ...base, ...who, type: 'track.muted' })).toBeNull();
    expect(webhookKey({ ...base, ...who, type: 'track.unpublished' })).toBe(
      'track:TR_1:unpublished',
    );
  });
});
