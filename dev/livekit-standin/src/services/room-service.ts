import {
  CreateRoomRequest,
  DeleteRoomRequest,
  DeleteRoomResponse,
  DisconnectReason,
  ForwardParticipantRequest,
  ForwardParticipantResponse,
  ListParticipantsRequest,
  ListParticipantsResponse,
  ListRoomsRequest,
  ListRoomsResponse,
  MoveParticipantRequest,
  MoveParticipantResponse,
  MuteRoomTrackRequest,
  MuteRoomTrackResponse,
  PerformRpcRequest,
  RemoveParticipantResponse,
  RoomParticipantIdentity,
  SendDataRequest,
  SendDataResponse,
  UpdateParticipantRequest,
  UpdateRoomMetadataRequest,
  UpdateSubscriptionsRequest,
  UpdateSubscriptionsResponse,
} from '@livekit/protocol';
import {
  requireDestinationAdmin,
  requireRoomAdmin,
  requireRoomCreate,
  requireRoomList,
} from '../auth';
import {
  TwirpError,
  invalidArgument,
  participantNotFound,
  roomNotFound,
  rpcError,
} from '../errors';
import { randomBase57 } from '../ids';
import { forwardParticipant, moveParticipant } from '../state/relocate';
import { PrecomputedJson, method, type TwirpService } from '../twirp';
import {
  LIMITS,
  attributesSize,
  byteLength,
  hostedParticipant,
  hostedRoom,
  type ServiceDeps,
} from './deps';

/** `livekit.RoomService`, single node, default config (§3). */
export function roomService(deps: ServiceDeps): TwirpService {
  const { state } = deps;

  const checkMetadata = (metadata: string): void => {
    if (byteLength(metadata) > LIMITS.metadata) {
      throw invalidArgument('metadata size exceeds limits', String(LIMITS.metadata));
    }
  };

  return {
    CreateRoom: method(CreateRoomRequest, (req, { claims }) => {
      requireRoomCreate(claims);
      if (byteLength(req.name) > LIMITS.roomName) {
        throw rpcError(
          'invalid_argument',
          `room name length exceeds limits: max length ${LIMITS.roomName}`,
        );
      }
      checkMetadata(req.metadata);
      for (const agent of req.agents) checkMetadata(agent.metadata);
      // The OSS allocator knows no presets unless configured; only checked for new rooms.
      if (req.roomPreset && !state.rooms.has(req.name)) {
        throw rpcError('invalid_argument', 'unknown room configuration in create room request');
      }
      const { room, created } = state.createRoom({
        name: req.name,
        emptyTimeout: req.emptyTimeout,
        departureTimeout: req.departureTimeout,
        maxParticipants: req.maxParticipants,
        metadata: req.metadata,
        agents: req.agents.map((a) => ({ agentName: a.agentName, metadata: a.metadata })),
      });
      if (created && deps.egress && req.egress?.room) {
        state.io.startEgress({ kind: 'room_composite', roomName: room.name, roomId: room.sid });
      }
      return room.toProto();
    }),

    ListRooms: method(ListRoomsRequest, (req, { claims }) => {
      requireRoomList(claims);
      const names = new Set(req.names);
      const rooms = [...state.rooms.values()]
        .filter((room) => names.size === 0 || names.has(room.name))
        .map((room) => room.toProto());
      return new ListRoomsResponse({ rooms });
    }),

    DeleteRoom: method(DeleteRoomRequest, (req, { claims }) => {
      // DeleteRoom needs roomCreate, not roomAdmin (§2.3).
      requireRoomCreate(claims);
      const room = state.rooms.get(req.room);
      if (!room) throw roomNotFound();
      state.closeRoom(room, DisconnectReason.ROOM_DELETED);
      return new DeleteRoomResponse();
    }),

    ListParticipants: method(ListParticipantsRequest, (req, { claims }) => {
      requireRoomAdmin(claims, req.room);
      // Unknown room: 200 with an empty list (read from the store, §3.4).
      const participants = [...(state.rooms.get(req.room)?.participants.values() ?? [])];
      const json = `{"participants":[${participants.map((p) => p.toTwirpJsonString()).join(',')}]}`;
      return new PrecomputedJson(
        json,
        () => new ListParticipantsResponse({ participants: participants.map((p) => p.info) }),
      );
    }),

    GetParticipant: method(RoomParticipantIdentity, (req, { claims }) => {
      requireRoomAdmin(claims, req.room);
      const participant = state.rooms.get(req.room)?.participants.get(req.identity);
      if (!participant) throw participantNotFound();
      return new PrecomputedJson(participant.toTwirpJsonString(), () => participant.info);
    }),

    RemoveParticipant: method(RoomParticipantIdentity, (req, { claims }) => {
      requireRoomAdmin(claims, req.room);
      const room = state.rooms.get(req.room);
      const participant = room?.participants.get(req.identity);
      if (!room || !participant) throw participantNotFound();
      // revoke_token_ts is ignored by the OSS server (§3.6).
      state.leave(room, participant, DisconnectReason.PARTICIPANT_REMOVED);
      return new RemoveParticipantResponse();
    }),

    MutePublishedTrack: method(MuteRoomTrackRequest, async (req, { claims }) => {
      requireRoomAdmin(claims, req.room);
      const { room, participant } = await hostedParticipant(deps, req.room, req.identity);
      // Checked after the participant lookup and before the track lookup (§3.7).
      if (!req.muted && !deps.remoteUnmute) {
        throw rpcError('failed_precondition', 'remote unmute not enabled');
      }
      const track = participant.findTrack(req.trackSid);
      if (!track) return new MuteRoomTrackResponse();
      state.setTrackMuted(room, participant, track, req.muted, true);
      return new MuteRoomTrackResponse({ track });
    }),

    UpdateParticipant: method(UpdateParticipantRequest, (req, { claims }) => {
      // Limits are checked before the grant (§2.3 order-of-check quirks).
      if (byteLength(req.name) > LIMITS.participantName) {
        throw invalidArgument('name length exceeds limits', String(LIMITS.participantName));
      }
      checkMetadata(req.metadata);
      if (attributesSize(req.attributes) > LIMITS.attributes) {
        throw invalidArgument('attribute size exceeds limits', String(LIMITS.attributes));
      }
      requireRoomAdmin(claims, req.room);
      const room = state.rooms.get(req.room);
      const participant = room?.participants.get(req.identity);
      if (!room || !participant) throw participantNotFound();
      state.updateParticipant(room, participant, {
        name: req.name,
        metadata: req.metadata,
        attributes: req.attributes,
        permission: req.permission,
      });
      return new PrecomputedJson(participant.toTwirpJsonString(), () => participant.info);
    }),

    UpdateSubscriptions: method(UpdateSubscriptionsRequest, async (req, { claims }) => {
      requireRoomAdmin(claims, req.room);
      const { participant } = await hostedParticipant(deps, req.room, req.identity);
      participant.sink.deliver({
        type: 'subscription_update',
        trackSids: req.trackSids,
        subscribe: req.subscribe,
        participantTracks: req.participantTracks.map((pt) => ({
          participantSid: pt.participantSid,
          trackSids: pt.trackSids,
        })),
      });
      return new UpdateSubscriptionsResponse();
    }),

    SendData: method(SendDataRequest, async (req, { claims }) => {
      requireRoomAdmin(claims, req.room);
      if (req.nonce.length !== 0 && req.nonce.length !== 16) {
        throw new TwirpError(
          'invalid_argument',
          `nonce should be 16-bytes or not present, got: ${req.nonce.length} bytes`,
        );
      }
      const room = await hostedRoom(deps, req.room);
      state.sendData(room, req);
      return new SendDataResponse();
    }),

    UpdateRoomMetadata: method(UpdateRoomMetadataRequest, (req, { claims }) => {
      checkMetadata(req.metadata);
      requireRoomAdmin(claims, req.room);
      const room = state.rooms.get(req.room);
      if (!room) throw roomNotFound();
      // Unlike UpdateParticipant, an empty string clears the metadata (§3.11).
      state.updateRoomMetadata(room, req.metadata);
      return room.toProto();
    }),

    ForwardParticipant: method(ForwardParticipantRequest, async (req, { claims }) => {
      const { participant } = await relocate(deps, req, claims);
      forwardParticipant(state, participant, req.destinationRoom);
      return new ForwardParticipantResponse();
    }),

    MoveParticipant: method(MoveParticipantRequest, async (req, { claims }) => {
      const { room, participant } = await relocate(deps, req, claims);
      moveParticipant(state, room, participant, req.destinationRoom);
      return new MoveParticipantResponse();
    }),

    PerformRpc: method(PerformRpcRequest, async (req, { claims }) => {
      requireRoomAdmin(claims, req.room);
      if (!req.destinationIdentity) {
        throw rpcError('invalid_argument', 'destination identity is required');
      }
      const { participant } = await hostedParticipant(deps, req.room, req.destinationIdentity);
      if (byteLength(req.payload) > LIMITS.rpcPayload) {
        throw rpcError('invalid_argument', 'Request payload too large');
      }
      participant.sink.deliver({
        type: 'rpc_request',
        id: randomBase57(12),
        method: req.method,
        payload: req.payload,
        responseTimeoutMs: req.responseTimeoutMs || 10_000,
      });
      // Simulated participants register no RPC handlers; a real client answers such a request
      // with UNSUPPORTED_METHOD, which the server maps to `unimplemented` (§3.13).
      throw rpcError('unimplemented', 'Method not supported at destination');
    }),
  };
}

/** Shared checks of Move/Forward (§3.12); answers like the OSS server unless in Cloud mode. */
async function relocate(
  deps: ServiceDeps,
  req: MoveParticipantRequest | ForwardParticipantRequest,
  claims: Parameters<typeof requireRoomAdmin>[0],
): ReturnType<typeof hostedParticipant> {
  requireDestinationAdmin(claims, req.room, req.destinationRoom);
  if (req.room === req.destinationRoom) {
    throw invalidArgument('destination room cannot be the same as source room', '');
  }
  const hosted = await hostedParticipant(deps, req.room, req.identity);
  if (!deps.cloud) throw rpcError('unknown', 'not implemented');
  return hosted;
}
