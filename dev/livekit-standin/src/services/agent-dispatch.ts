import {
  CreateAgentDispatchRequest,
  DeleteAgentDispatchRequest,
  ListAgentDispatchRequest,
  ListAgentDispatchResponse,
} from '@livekit/protocol';
import { requireRoomAdmin } from '../auth';
import { rpcError } from '../errors';
import { method, type TwirpService } from '../twirp';
import { LIMITS, attributesSize, byteLength, hostedRoom, type ServiceDeps } from './deps';

/** `livekit.AgentDispatchService` (§6.1). */
export function agentDispatchService(deps: ServiceDeps): TwirpService {
  const { state } = deps;
  return {
    CreateDispatch: method(CreateAgentDispatchRequest, (req, { claims }) => {
      requireRoomAdmin(claims, req.room);
      if (byteLength(req.metadata) > LIMITS.metadata) {
        throw rpcError('invalid_argument', `metadata size exceeds limits ${LIMITS.metadata}`);
      }
      if (attributesSize(req.attributes) > LIMITS.attributes) {
        throw rpcError('invalid_argument', `attribute size exceeds limits ${LIMITS.attributes}`);
      }
      if (/[_\s\p{Cc}]/u.test(req.deployment)) {
        throw rpcError('invalid_argument', 'invalid deployment name');
      }
      // room.auto_create is on by default: dispatching to a missing room creates it (§6.1).
      const { room } = state.createRoom({ name: req.room });
      const dispatch = state.addDispatch(room, req.agentName, req.metadata);
      dispatch.restartPolicy = req.restartPolicy;
      dispatch.deployment = req.deployment;
      dispatch.attributes = { ...req.attributes };
      return dispatch;
    }),

    ListDispatch: method(ListAgentDispatchRequest, async (req, { claims }) => {
      requireRoomAdmin(claims, req.room);
      const room = await hostedRoom(deps, req.room);
      const agentDispatches = [...room.dispatches.values()].filter(
        (d) => !req.dispatchId || d.id === req.dispatchId,
      );
      return new ListAgentDispatchResponse({ agentDispatches });
    }),

    DeleteDispatch: method(DeleteAgentDispatchRequest, async (req, { claims }) => {
      requireRoomAdmin(claims, req.room);
      const room = await hostedRoom(deps, req.room);
      const dispatch = room.dispatches.get(req.dispatchId);
      if (!dispatch) throw rpcError('not_found', 'dispatch ID not found');
      room.dispatches.delete(dispatch.id);
      if (dispatch.state) dispatch.state.deletedAt = BigInt(Date.now()) * 1_000_000n;
      return dispatch;
    }),
  };
}
