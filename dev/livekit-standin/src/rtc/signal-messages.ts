import {
  DataPacket,
  DataPacket_Kind,
  DisconnectReason,
  LeaveRequest,
  LeaveRequest_Action,
  MuteTrackRequest,
  ParticipantInfo,
  ParticipantUpdate,
  Room,
  RoomUpdate,
  SignalResponse,
  TrackUnpublishedResponse,
  UserPacket,
} from '@livekit/protocol';
import type { JsonValue } from '@bufbuild/protobuf';
import type { ServerMessage } from '../state/sink';

/*
 * The stand-in's participant messages (state/sink.ts) as a real client receives them: signal
 * responses on the WebSocket, or a DataPacket on a data channel (livekit-client-protocol §1.4,
 * the table of server-initiated actions, in the stand-in README).
 */

export type ClientMessage =
  | { channel: 'signal'; response: SignalResponse }
  | { channel: 'data'; kind: DataPacket_Kind; packet: DataPacket };

const JSON_OPTIONS = { ignoreUnknownFields: true } as const;

/** `undefined` for messages a real client has no wire form for in the stand-in. */
export function toClientMessage(message: ServerMessage): ClientMessage | undefined {
  switch (message.type) {
    case 'data': {
      const kind = message.kind === 'LOSSY' ? DataPacket_Kind.LOSSY : DataPacket_Kind.RELIABLE;
      const payload = Buffer.from(message.payload, 'base64');
      const user = new UserPacket({
        payload,
        participantIdentity: message.senderIdentity,
        destinationIdentities: message.destinationIdentities,
        ...(message.topic === null ? {} : { topic: message.topic }),
      });
      const packet = new DataPacket({
        kind,
        participantIdentity: message.senderIdentity,
        destinationIdentities: message.destinationIdentities,
        value: { case: 'user', value: user },
      });
      return { channel: 'data', kind, packet };
    }
    case 'mute':
      return signal({
        case: 'mute',
        value: new MuteTrackRequest({ sid: message.trackSid, muted: message.muted }),
      });
    case 'participant_update':
      return signal({
        case: 'update',
        value: new ParticipantUpdate({
          participants: [
            ParticipantInfo.fromJson(message.participant as unknown as JsonValue, JSON_OPTIONS),
          ],
        }),
      });
    case 'room_update':
      return signal({
        case: 'roomUpdate',
        value: new RoomUpdate({
          room: Room.fromJson(message.room as unknown as JsonValue, JSON_OPTIONS),
        }),
      });
    case 'track_unpublished':
      return signal({
        case: 'trackUnpublished',
        value: new TrackUnpublishedResponse({ trackSid: message.trackSid }),
      });
    case 'leave':
      return signal({ case: 'leave', value: leaveRequest(reasonOf(message.reason)) });
    default:
      // Subscription changes, RPC requests and moves are handled by the session itself.
      return undefined;
  }
}

/** A final leave: the client disconnects with `reason` and does not try to reconnect. */
export const leaveRequest = (reason: DisconnectReason): LeaveRequest =>
  new LeaveRequest({ canReconnect: false, reason, action: LeaveRequest_Action.DISCONNECT });

/**
 * A full reconnect: the client rejoins from scratch with a new session (IssueFullReconnect in
 * livekit/livekit pkg/rtc/participant.go). Clients before protocol 13 know no leave action and
 * read `canReconnect` instead (sendLeaveRequest in pkg/rtc/participant_signal.go,
 * pkg/rtc/types/protocol_version.go SupportsRegionsInLeaveRequest).
 */
export const fullReconnect = (protocol: number): LeaveRequest =>
  new LeaveRequest(
    protocol > 12
      ? { reason: DisconnectReason.STATE_MISMATCH, action: LeaveRequest_Action.RECONNECT }
      : { reason: DisconnectReason.STATE_MISMATCH, canReconnect: true },
  );

const reasonOf = (name: string): DisconnectReason =>
  DisconnectReason[name as keyof typeof DisconnectReason] ?? DisconnectReason.UNKNOWN_REASON;

const signal = (message: SignalResponse['message']): ClientMessage => ({
  channel: 'signal',
  response: new SignalResponse({ message }),
});
