import {
  ListEgressRequest,
  ListEgressResponse,
  ParticipantEgressRequest,
  RoomCompositeEgressRequest,
  StartEgressRequest,
  StopEgressRequest,
  TrackCompositeEgressRequest,
  TrackEgressRequest,
  UpdateLayoutRequest,
  UpdateStreamRequest,
  WebEgressRequest,
  type EgressInfo,
} from '@livekit/protocol';
import type { Claims } from '../auth';
import { requireRoomRecord } from '../auth';
import { roomNotFound, rpcError } from '../errors';
import type { EgressKind } from '../state/io';
import { method, type TwirpService } from '../twirp';
import type { ServiceDeps } from './deps';

/**
 * `livekit.Egress` (§6.2). Without `--egress` it answers like a server without Redis; with it,
 * requests create simulated entries that only move through states and webhooks.
 */
export function egressService(deps: ServiceDeps): TwirpService {
  const { state } = deps;

  const guard = (claims: Claims | undefined): void => {
    requireRoomRecord(claims);
    if (!deps.egress) throw rpcError('internal', 'egress not connected (redis required)');
  };

  const start = (
    kind: EgressKind,
    roomName: string,
    extra: Partial<{ identity: string; trackSid: string; url: string }> = {},
  ): EgressInfo => {
    let roomId = '';
    if (kind !== 'web') {
      const room = state.rooms.get(roomName);
      if (!room) throw roomNotFound();
      roomId = room.sid;
    }
    return state.io.startEgress({ kind, roomName, roomId, ...extra });
  };

  const existing = (egressId: string): EgressInfo => {
    const info = state.io.egress.get(egressId);
    if (!info) throw rpcError('not_found', 'egress does not exist');
    return info;
  };

  return {
    StartRoomCompositeEgress: method(RoomCompositeEgressRequest, (req, { claims }) => {
      guard(claims);
      return start('room_composite', req.roomName);
    }),
    StartWebEgress: method(WebEgressRequest, (req, { claims }) => {
      guard(claims);
      return start('web', '', { url: req.url });
    }),
    StartParticipantEgress: method(ParticipantEgressRequest, (req, { claims }) => {
      guard(claims);
      return start('participant', req.roomName, { identity: req.identity });
    }),
    StartTrackCompositeEgress: method(TrackCompositeEgressRequest, (req, { claims }) => {
      guard(claims);
      return start('room_composite', req.roomName);
    }),
    StartTrackEgress: method(TrackEgressRequest, (req, { claims }) => {
      guard(claims);
      return start('track', req.roomName, { trackSid: req.trackId });
    }),
    StartEgress: method(StartEgressRequest, (req, { claims }) => {
      guard(claims);
      return start('room_composite', req.roomName);
    }),
    UpdateLayout: method(UpdateLayoutRequest, (req, { claims }) => {
      guard(claims);
      return existing(req.egressId);
    }),
    UpdateStream: method(UpdateStreamRequest, (req, { claims }) => {
      guard(claims);
      return existing(req.egressId);
    }),
    ListEgress: method(ListEgressRequest, (req, { claims }) => {
      guard(claims);
      const items = [...state.io.egress.values()].filter(
        (info) =>
          (!req.roomName || info.roomName === req.roomName) &&
          (!req.egressId || info.egressId === req.egressId) &&
          (!req.active || state.io.isActive(info)),
      );
      return new ListEgressResponse({ items });
    }),
    StopEgress: method(StopEgressRequest, (req, { claims }) => {
      guard(claims);
      return state.io.stopEgress(req.egressId);
    }),
  };
}
