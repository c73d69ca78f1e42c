import {
  CreateSIPDispatchRuleRequest,
  CreateSIPInboundTrunkRequest,
  CreateSIPOutboundTrunkRequest,
  CreateSIPParticipantRequest,
  CreateSIPTrunkRequest,
  DeleteSIPDispatchRuleRequest,
  DeleteSIPTrunkRequest,
  GetSIPInboundTrunkRequest,
  GetSIPOutboundTrunkRequest,
  ListSIPDispatchRuleRequest,
  ListSIPInboundTrunkRequest,
  ListSIPOutboundTrunkRequest,
  ListSIPTrunkRequest,
  TransferSIPParticipantRequest,
  UpdateSIPDispatchRuleRequest,
  UpdateSIPInboundTrunkRequest,
  UpdateSIPOutboundTrunkRequest,
} from '@livekit/protocol';
import type { MessageType } from '@bufbuild/protobuf';
import { requireRoomAdmin, type Claims } from '../auth';
import { permissionsDenied, rpcError } from '../errors';
import { method, type TwirpService } from '../twirp';

interface SipGrant {
  admin?: boolean;
  call?: boolean;
}

const sipGrant = (claims: Claims | undefined): SipGrant => (claims?.sip ?? {}) as SipGrant;

const notConnected = (): never => {
  throw rpcError('internal', 'sip not connected (redis required)');
};

const ADMIN_METHODS: Record<string, MessageType> = {
  CreateSIPTrunk: CreateSIPTrunkRequest,
  CreateSIPInboundTrunk: CreateSIPInboundTrunkRequest,
  CreateSIPOutboundTrunk: CreateSIPOutboundTrunkRequest,
  UpdateSIPInboundTrunk: UpdateSIPInboundTrunkRequest,
  UpdateSIPOutboundTrunk: UpdateSIPOutboundTrunkRequest,
  GetSIPInboundTrunk: GetSIPInboundTrunkRequest,
  GetSIPOutboundTrunk: GetSIPOutboundTrunkRequest,
  ListSIPTrunk: ListSIPTrunkRequest,
  ListSIPInboundTrunk: ListSIPInboundTrunkRequest,
  ListSIPOutboundTrunk: ListSIPOutboundTrunkRequest,
  DeleteSIPTrunk: DeleteSIPTrunkRequest,
  CreateSIPDispatchRule: CreateSIPDispatchRuleRequest,
  UpdateSIPDispatchRule: UpdateSIPDispatchRuleRequest,
  ListSIPDispatchRule: ListSIPDispatchRuleRequest,
  DeleteSIPDispatchRule: DeleteSIPDispatchRuleRequest,
};

/**
 * `livekit.SIP`: mounted by the real server but backed by Redis, so after the grant checks of
 * §2.3 every method fails like a Redis-less `--dev` server.
 */
export function sipService(): TwirpService {
  const service: TwirpService = {
    CreateSIPParticipant: method(CreateSIPParticipantRequest, (_req, { claims }) => {
      if (!sipGrant(claims).call) throw permissionsDenied();
      return notConnected();
    }),
    TransferSIPParticipant: method(TransferSIPParticipantRequest, (req, { claims }) => {
      if (!sipGrant(claims).call) throw permissionsDenied();
      requireRoomAdmin(claims, req.roomName);
      return notConnected();
    }),
  };
  for (const [name, input] of Object.entries(ADMIN_METHODS)) {
    service[name] = method(input, (_req, { claims }) => {
      if (!sipGrant(claims).admin) throw permissionsDenied();
      return notConnected();
    });
  }
  return service;
}
