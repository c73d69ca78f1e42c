import type { OperationName } from '@/lib/domain/registry';

/**
 * The operations an embedded room view offers (through POST /api/embed/operations/{name}): the
 * room and participant moderation of the room page, nothing that administers Moderato. The
 * caller's role still decides what it may do; this only keeps the embed door narrow.
 */
export const EMBED_OPERATIONS = [
  'muteTrack',
  'requestUnmute',
  'removeParticipant',
  'updatePermissions',
  'updateParticipant',
  'updateSubscriptions',
  'moveParticipant',
  'sendData',
  'updateRoomMetadata',
] as const satisfies readonly OperationName[];

export type EmbedOperationName = (typeof EMBED_OPERATIONS)[number];

export function isEmbedOperation(name: string): name is EmbedOperationName {
  return (EMBED_OPERATIONS as readonly string[]).includes(name);
}
