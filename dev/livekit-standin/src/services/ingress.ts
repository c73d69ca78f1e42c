import {
  CreateIngressRequest,
  DeleteIngressRequest,
  ListIngressRequest,
  ListIngressResponse,
  UpdateIngressRequest,
} from '@livekit/protocol';
import type { Claims } from '../auth';
import { requireIngressAdmin } from '../auth';
import { rpcError } from '../errors';
import { method, type TwirpService } from '../twirp';
import type { ServiceDeps } from './deps';

/** `livekit.Ingress` (§6.3): Redis-less answers by default, simulated entries with `--egress`. */
export function ingressService(deps: ServiceDeps): TwirpService {
  const { io } = deps.state;

  const guard = (claims: Claims | undefined): void => {
    requireIngressAdmin(claims);
    if (!deps.egress) throw rpcError('internal', 'ingress not connected (redis required)');
  };

  return {
    CreateIngress: method(CreateIngressRequest, (req, { claims }) => {
      guard(claims);
      return io.createIngress({
        roomName: req.roomName,
        name: req.name,
        inputType: req.inputType,
        participantIdentity: req.participantIdentity,
        participantName: req.participantName,
      });
    }),
    UpdateIngress: method(UpdateIngressRequest, (req, { claims }) => {
      guard(claims);
      const info = io.requireIngress(req.ingressId);
      if (req.name) info.name = req.name;
      if (req.roomName) info.roomName = req.roomName;
      if (req.participantIdentity) info.participantIdentity = req.participantIdentity;
      if (req.participantName) info.participantName = req.participantName;
      if (req.participantMetadata) info.participantMetadata = req.participantMetadata;
      if (req.enabled !== undefined) info.enabled = req.enabled;
      return info;
    }),
    ListIngress: method(ListIngressRequest, (req, { claims }) => {
      guard(claims);
      const items = [...io.ingress.values()].filter(
        (info) =>
          (!req.roomName || info.roomName === req.roomName) &&
          (!req.ingressId || info.ingressId === req.ingressId),
      );
      return new ListIngressResponse({ items });
    }),
    DeleteIngress: method(DeleteIngressRequest, (req, { claims }) => {
      guard(claims);
      return io.deleteIngress(req.ingressId);
    }),
  };
}
