import { expect, type APIRequestContext } from '@playwright/test';

import type {
  ParticipantSessionDto,
  RoomEventPageDto,
  RoomSessionDetailDto,
  RoomSessionPageDto,
} from '@/lib/contracts/history';

/** Session history through the REST API (GET /api/v1/history/…), as any instance answers it. */

async function getJson<T>(api: APIRequestContext, path: string): Promise<T> {
  const res = await api.get(path);
  expect(res.status(), `GET ${path}: ${await res.text()}`).toBe(200);
  return (await res.json()) as T;
}

/** Sessions whose room name contains `q`. */
export async function roomSessions(api: APIRequestContext, q: string) {
  const page = await getJson<RoomSessionPageDto>(
    api,
    `/api/v1/history/rooms?q=${encodeURIComponent(q)}`,
  );
  return page.sessions;
}

export function roomSession(api: APIRequestContext, roomSid: string) {
  return getJson<RoomSessionDetailDto>(api, `/api/v1/history/rooms/${encodeURIComponent(roomSid)}`);
}

/** One session's timeline entries, newest first. */
export async function sessionEvents(api: APIRequestContext, roomName: string, roomSid: string) {
  const page = await getJson<RoomEventPageDto>(
    api,
    `/api/v1/rooms/${encodeURIComponent(roomName)}/events?roomSid=${encodeURIComponent(roomSid)}&limit=500`,
  );
  return page.events;
}

/** What must not differ between instances or across a restart: who, when, and why they left. */
export function participantFacts(participants: ParticipantSessionDto[]) {
  return participants
    .map(({ identity, participantSid, joinedAtMs, leftAtMs, leaveReason }) => ({
      identity,
      participantSid,
      joinedAtMs,
      leftAtMs,
      leaveReason,
    }))
    .sort((x, y) => x.identity.localeCompare(y.identity) || x.joinedAtMs - y.joinedAtMs);
}

/**
 * The instance that published an event: ids are `<instance id>-<sequence>`
 * (lib/live/sse-format.ts), and each instance writes to history only the events it published.
 */
export const publisherOf = (eventId: string) => eventId.slice(0, eventId.indexOf('-'));
