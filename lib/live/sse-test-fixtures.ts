import type { NewLiveEvent } from '@/lib/contracts/live-events';
import type { Role } from '@/lib/contracts/permissions';
import { actorWithRole, type Actor } from '@/lib/domain/actor';

import { participant, room } from './reconciler-test-fixtures';

/** Test helpers of the SSE stream: actors of each kind and the events their filters judge. */

export function actor(role: Role, tenant: string | null, rooms: string[] | null = null): Actor {
  return {
    ...actorWithRole({
      userId: `${role}-${tenant}`,
      username: role,
      name: role,
      role,
      tenant,
      source: 'ui',
    }),
    rooms,
  };
}

const at = { atMs: 1_700_000_001_000, origin: 'webhook' as const };

export const events = {
  started: (name: string, tenant: string | null): NewLiveEvent => ({
    ...at,
    type: 'room.started',
    roomName: name,
    tenant,
    room: room(name, { tenant }),
  }),
  updated: (name: string, tenant: string | null, metadata = ''): NewLiveEvent => ({
    ...at,
    type: 'room.updated',
    roomName: name,
    tenant,
    room: room(name, { tenant, metadata }),
  }),
  finished: (name: string, tenant: string | null): NewLiveEvent => ({
    ...at,
    type: 'room.finished',
    roomName: name,
    tenant,
    roomSid: `RM_${name}`,
  }),
  joined: (name: string, tenant: string | null, identity: string): NewLiveEvent => ({
    ...at,
    type: 'participant.joined',
    roomName: name,
    tenant,
    participant: participant(identity),
  }),
  action: (name: string, tenant: string | null): NewLiveEvent => ({
    ...at,
    origin: 'action',
    type: 'moderation.action',
    roomName: name,
    tenant,
    action: 'participant.removed',
    actorName: 'Mod',
    identity: 'x',
    trackSid: null,
    outcome: 'succeeded',
    errorCode: null,
  }),
};
