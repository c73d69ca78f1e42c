import { DataPacket_Kind } from '@livekit/protocol';
import type { Participant } from './participant';
import type { RoomState } from './room';

/** A SendData request as the room service hands it over. */
export interface DataMessage {
  data: Uint8Array;
  kind: DataPacket_Kind;
  topic?: string;
  destinationSids: string[];
  destinationIdentities: string[];
  nonce: Uint8Array;
}

/** A user packet a real client published on its data channel. */
export interface ClientData {
  data: Uint8Array;
  kind: DataPacket_Kind;
  topic?: string;
  destinationIdentities: string[];
}

/** Relays a client's packet to the others in the room, or to the named ones (never back to it). */
export function relayData(room: RoomState, sender: Participant, message: ClientData): void {
  const identities = new Set(message.destinationIdentities);
  const payload = Buffer.from(message.data).toString('base64');
  for (const participant of room.participants.values()) {
    if (participant === sender) continue;
    if (identities.size > 0 && !identities.has(participant.identity)) continue;
    participant.sink.deliver({
      type: 'data',
      payload,
      topic: message.topic ?? null,
      kind: message.kind === DataPacket_Kind.LOSSY ? 'LOSSY' : 'RELIABLE',
      senderIdentity: sender.identity,
      destinationIdentities: message.destinationIdentities,
      destinationSids: [],
    });
  }
}

/** SendData delivery (§3.10): all participants or the named ones; repeated nonces are dropped. */
export function sendData(room: RoomState, message: DataMessage): void {
  if (room.isDuplicateNonce(message.nonce)) return;
  const sids = new Set(message.destinationSids);
  const identities = new Set(message.destinationIdentities);
  const everyone = sids.size === 0 && identities.size === 0;
  const payload = Buffer.from(message.data).toString('base64');
  for (const participant of room.participants.values()) {
    if (!everyone && !sids.has(participant.sid) && !identities.has(participant.identity)) continue;
    participant.sink.deliver({
      type: 'data',
      payload,
      topic: message.topic ?? null,
      kind: message.kind === DataPacket_Kind.LOSSY ? 'LOSSY' : 'RELIABLE',
      senderIdentity: '',
      destinationIdentities: message.destinationIdentities,
      destinationSids: message.destinationSids,
    });
  }
}
