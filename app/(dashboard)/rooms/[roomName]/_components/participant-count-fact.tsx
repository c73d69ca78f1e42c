'use client';

import type { RoomDto } from '@/lib/contracts/dto';
import { useParticipants } from '@/lib/queries/participants';

import { participantCountNote } from '../../_components/participant-count';

/**
 * LiveKit's count of the room's participants, with why it differs from the list below when it
 * does (agents and recorders are not counted; the count trails joins and leaves by seconds). The
 * list is the panel's query, so this costs no request of its own.
 */
export function ParticipantCountFact({ room }: { room: RoomDto }) {
  const { data: listed } = useParticipants(room.name);
  const note = listed ? participantCountNote(room.numParticipants, listed) : null;

  return (
    <>
      <span className="tabular-nums">{room.numParticipants}</span>
      {note?.extra ? <span className="text-muted-foreground"> ({note.extra})</span> : null}
      {note?.explanation ? (
        <span className="text-muted-foreground mt-0.5 block text-xs">{note.explanation}</span>
      ) : null}
    </>
  );
}
