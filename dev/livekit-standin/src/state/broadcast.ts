import { toTwirpJson } from '../encoding';
import type { Participant } from './participant';
import type { RoomState } from './room';
import type { ServerMessage } from './sink';

/*
 * Fan-out of state updates to the participants' sinks (participant_update / room_update), the
 * messages a real server pushes over each client's signal connection.
 */

/**
 * Sends a participant's new ParticipantInfo as a participant update to the others in the room
 * (and to itself when `includeSelf`). Hidden participants are never shown to others (§4.4).
 * Joins and leaves only reach real clients (`broadcastPresence`).
 */
export function broadcastParticipantUpdate(
  room: RoomState,
  participant: Participant,
  includeSelf: boolean,
): void {
  // One message for everyone: sinks may share it (ReceivedLog keeps one entry per message).
  const message = {
    type: 'participant_update',
    participant: toTwirpJson(participant.info),
  } as const;
  const hidden = participant.info.permission?.hidden === true;
  for (const other of room.participants.values()) {
    if (other === participant ? !includeSelf : hidden) continue;
    other.sink.deliver(message);
  }
}

/**
 * A participant's join progress or departure, as the real server pushes it: to the real clients
 * among the others only (see `ParticipantSink.realtime`); hidden participants stay invisible.
 */
export function broadcastPresence(room: RoomState, participant: Participant): void {
  if (participant.info.permission?.hidden === true) return;
  let message: ServerMessage | undefined;
  for (const other of room.participants.values()) {
    if (other === participant || !other.sink.realtime) continue;
    message ??= { type: 'participant_update', participant: toTwirpJson(participant.info) };
    other.sink.deliver(message);
  }
}

/** Everyone in the room gets the room's new Room (UpdateRoomMetadata). */
export function broadcastRoomUpdate(room: RoomState): void {
  const message = { type: 'room_update', room: toTwirpJson(room.toProto()) } as const;
  for (const participant of room.participants.values()) participant.sink.deliver(message);
}
