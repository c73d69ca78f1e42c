import 'server-only';

import pLimit from 'p-limit';

import type { ParticipantDto } from '@/lib/contracts/dto';
import {
  participantSearchSchema,
  type ParticipantMatchDto,
} from '@/lib/contracts/participant-search';
import * as livekit from '@/lib/livekit/room-service';
import { searchParticipantsInputSchema } from '@/lib/schemas/participant-search';

import { DomainError } from '../errors';
import { defineOperation, type OperationContext } from '../operation';
import { listRooms } from '../rooms/list-rooms';

/** ListParticipants calls in flight at once: a search over many rooms must not flood LiveKit. */
const CONCURRENCY = 8;

/**
 * Participants whose identity or name contains the query, in every room the caller may see. The
 * rooms come from listRooms, so the tenant and room-list scope is the one every read applies
 * (policy.ts `canSeeRoom`): another tenant's participant is never even fetched. A room that ends
 * between ListRooms and its ListParticipants is skipped: see `participantsOf`.
 */
export const searchParticipants = defineOperation({
  name: 'searchParticipants',
  summary: 'Find participants across rooms',
  description:
    'Participants of every room in the caller’s scope whose identity or name contains `query` (case-insensitive), ordered by room and join time; at most `limit`, with `truncated` set when more matched.',
  tag: 'Participants',
  input: searchParticipantsInputSchema,
  output: participantSearchSchema,
  permission: 'rooms.read',
  http: { method: 'GET', path: '/participants' },
  audit: { action: 'participants.searched', params: ({ query }) => ({ query }) },
  errors: [],
  async act(context, { query, limit }) {
    const { rooms } = await context.run(listRooms, {});
    const needle = query.toLowerCase();
    const matches = (
      await eachRoom(
        rooms.map((room) => room.name),
        (roomName) => participantsOf(context, roomName),
      )
    ).flatMap(([roomName, participants]) =>
      participants
        .filter(
          (p) => p.identity.toLowerCase().includes(needle) || p.name.toLowerCase().includes(needle),
        )
        .map((p) => toMatch(roomName, p)),
    );
    matches.sort(
      (a, b) =>
        a.roomName.localeCompare(b.roomName) ||
        a.joinedAtMs - b.joinedAtMs ||
        a.identity.localeCompare(b.identity),
    );
    return {
      participants: matches.slice(0, limit),
      truncated: matches.length > limit,
      roomsSearched: rooms.length,
    };
  },
});

/** Runs `fetch` for every room, CONCURRENCY at a time; the first failure stops the rest. */
async function eachRoom<T>(
  roomNames: string[],
  fetch: (roomName: string) => Promise<T>,
): Promise<[string, T][]> {
  const limit = pLimit(CONCURRENCY);
  try {
    return await Promise.all(
      roomNames.map((roomName) =>
        limit(async (): Promise<[string, T]> => [roomName, await fetch(roomName)]),
      ),
    );
  } finally {
    limit.clearQueue();
  }
}

/**
 * A room's participants, or none when the room is gone. For an unknown room LiveKit's
 * ListParticipants answers an empty list by default (docs/livekit-behaviour.md §3.4); served over
 * psrpc it takes the no-responder path, a 503 after about 3 s (§3); and `not_found` is how its other
 * participant reads answer one (§3.5). A 503 is skipped only when a fresh lookup confirms the room
 * has ended: otherwise LiveKit is in trouble, and the search fails rather than say "nobody matches".
 */
async function participantsOf(
  context: OperationContext,
  roomName: string,
): Promise<ParticipantDto[]> {
  try {
    return await livekit.listParticipants(roomName);
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    if (err.code === 'not_found') return [];
    if (err.code === 'upstream_unavailable' && !(await stillThere(context, roomName))) return [];
    throw err;
  }
}

async function stillThere(context: OperationContext, roomName: string): Promise<boolean> {
  try {
    await context.room(roomName, { fresh: true });
    return true;
  } catch (err) {
    if (err instanceof DomainError && err.code === 'not_found') return false;
    throw err;
  }
}

function toMatch(roomName: string, p: ParticipantDto): ParticipantMatchDto {
  return {
    roomName,
    sid: p.sid,
    identity: p.identity,
    name: p.name,
    state: p.state,
    kind: p.kind,
    joinedAtMs: p.joinedAtMs,
    isPublisher: p.isPublisher,
  };
}
