import 'server-only';

import { banResultSchema } from '@/lib/contracts/bans';
import { insertBan } from '@/lib/db/bans';
import { banParticipantInputSchema } from '@/lib/schemas/bans';

import { DomainError } from '../errors';
import { defineOperation } from '../operation';

import { removeBanned } from './ban-removal';
import { toBanDto } from './ban-rules';

/**
 * "Remove and ban" — distinct from "Remove" (removeParticipant), which lets them rejoin. The ban is
 * stored first, so a rejoin racing this call is already refused; then the participant is told the
 * reason (data message, topic `moderato.ban`) and removed, passing LiveKit's token-revocation
 * timestamp. Every later join of the identity (or of a name matching the pattern) in the ban's rooms
 * is removed again at once (lib/live/ban-enforcer.ts) until the ban expires or is lifted.
 *
 * Scope: `room` covers this room; `all_rooms` every room of the caller's tenant — or of every
 * tenant when the caller is bound to none (docs/bans.md). A caller limited to some rooms (an API
 * key's, an embed token's list) can ban only in those rooms.
 */
export const banParticipant = defineOperation({
  name: 'banParticipant',
  summary: 'Remove and ban a participant',
  description:
    'Stores the ban, sends the participant a reliable data message on topic `moderato.ban` with the reason, then removes them (passing `revoke_token_ts`, which LiveKit Cloud honours). Every rejoin within the ban’s scope is removed again until it expires or is lifted. `removed` is false when the participant had already left; the ban holds all the same.',
  tag: 'Participants',
  input: banParticipantInputSchema,
  output: banResultSchema,
  permission: 'participants.ban',
  http: { method: 'POST', path: '/rooms/{roomName}/participants/{identity}/ban', status: 201 },
  audit: {
    action: 'participant.banned',
    params: ({ reason, durationSeconds, namePattern, scope }) => ({
      reason,
      durationSeconds,
      namePattern: namePattern ?? null,
      scope,
    }),
  },
  rooms: ({ roomName }) => [roomName],
  errors: ['not_found'],
  async act({ actor, room, auditParams }, input) {
    const { roomName, identity, reason, durationSeconds, namePattern, scope } = input;
    const target = await room(roomName);
    if (scope === 'all_rooms' && actor.rooms !== null) {
      throw new DomainError('forbidden', 'You can only ban within the rooms you may act on.');
    }
    const nowMs = Date.now();
    const ban = await insertBan({
      identity,
      namePattern: namePattern ?? null,
      roomName: scope === 'room' ? roomName : null,
      // A room ban belongs to the room's tenant; an all-rooms ban to the caller's (null = every
      // tenant's rooms: only a caller bound to no tenant can issue that).
      tenant: scope === 'room' ? target.tenant : actor.tenant,
      reason,
      createdBy: actor.username,
      createdAtMs: nowMs,
      expiresAtMs: durationSeconds === null ? null : nowMs + durationSeconds * 1000,
    });
    auditParams.banId = ban.id;
    auditParams.expiresAtMs = ban.expiresAtMs;
    const removed = await removeBanned(roomName, identity, ban, nowMs);
    auditParams.removed = removed;
    return { ban: toBanDto(ban), removed };
  },
});
