import {
  DisconnectReason,
  ParticipantInfo_KindDetail,
  type ParticipantInfo,
} from '@livekit/protocol';
import type { Participant } from './participant';
import type { RoomState } from './room';
import type { JoinSpec, StandinState } from './store';

/*
 * Cloud-only RoomService operations (§3.12), used when the stand-in runs with `cloud: true`.
 * The open-source server answers both with `not implemented`.
 */

/**
 * MoveParticipant: the session leaves the source room (`participant_left`, reason MIGRATION,
 * no leave request) and continues in the destination with the same identity, sid and tracks.
 */
export function moveParticipant(
  state: StandinState,
  source: RoomState,
  participant: Participant,
  destinationRoom: string,
): void {
  const tracks = participant.info.tracks.map((t) => t.clone());
  participant.sink.deliver({ type: 'moved', destinationRoom });
  state.leave(source, participant, DisconnectReason.MIGRATION);
  // A real client continues on its connection; a simulated one gets the destination's log.
  const sink = participant.sink.realtime ? participant.sink : undefined;
  const moved = state.join(
    destinationRoom,
    { ...respec(participant.info), sid: participant.sid },
    sink,
  );
  const destination = state.rooms.get(destinationRoom)!;
  for (const track of tracks) state.attachTrack(destination, moved, track);
}

/** ForwardParticipant: a copy (kind detail FORWARDED) joins the destination; the original stays. */
export function forwardParticipant(
  state: StandinState,
  participant: Participant,
  destinationRoom: string,
): void {
  const spec = respec(participant.info);
  spec.kindDetails = [...(spec.kindDetails ?? []), ParticipantInfo_KindDetail.FORWARDED];
  const copy = state.join(destinationRoom, spec);
  const destination = state.rooms.get(destinationRoom)!;
  for (const track of participant.info.tracks) state.attachTrack(destination, copy, track.clone());
}

function respec(info: ParticipantInfo): JoinSpec {
  return {
    identity: info.identity,
    name: info.name,
    metadata: info.metadata,
    attributes: { ...info.attributes },
    kind: info.kind,
    kindDetails: [...info.kindDetails],
    permission: info.permission?.clone(),
  };
}
