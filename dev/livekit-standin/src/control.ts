import type { IncomingMessage, ServerResponse } from 'node:http';
import { DisconnectReason } from '@livekit/protocol';
import type { Claims } from './auth';
import {
  bulkSchema,
  egressSchema,
  ingressSchema,
  joinSchema,
  muteSchema,
  parseBody,
  stateSchema,
  toIngressInput,
  toJoinSpec,
  toTrackSpec,
  trackSchema,
} from './control-schemas';
import { CONTROL_PREFIX } from './control-path';
import type { BulkJoinResponse, ReceivedResponse } from './control-types';
import { encodeTwirpJson } from './encoding';
import { TwirpError, participantNotFound, permissionsDenied } from './errors';
import { readBody, sendJson, sendNotFound, sendTwirpError } from './http-util';
import type { Participant } from './state/participant';
import type { RoomState } from './state/room';
import type { StandinState } from './state/store';

/*
 * CAUTION: development and testing only. The control API lets any holder of a token signed with
 * one of the stand-in's keys invent participants and rewrite state; never expose it.
 */

interface Route {
  method: string;
  pattern: RegExp;
  handle: (params: string[], body: () => Promise<unknown>) => string | Promise<string>;
}

/** The simulated-participant control API documented in the README. */
export class ControlApi {
  private readonly routes: Route[];

  constructor(
    private readonly state: StandinState,
    private readonly egressEnabled: boolean,
    private readonly maxBodyBytes: number,
  ) {
    this.routes = this.buildRoutes();
  }

  async serve(
    req: IncomingMessage,
    res: ServerResponse,
    path: string,
    claims: Claims | undefined,
  ): Promise<void> {
    const rest = path.slice(CONTROL_PREFIX.length);
    const route = this.routes.find((r) => r.method === req.method && r.pattern.test(rest));
    if (!route) return sendNotFound(res);
    if (!claims) return sendTwirpError(res, permissionsDenied());
    const params = (route.pattern.exec(rest) ?? []).slice(1).map(decodeURIComponent);
    const body = async (): Promise<unknown> => {
      const raw = await readBody(req, this.maxBodyBytes);
      if (!raw) throw new TwirpError('malformed', 'the json request could not be decoded');
      try {
        return raw.length === 0 ? {} : (JSON.parse(raw.toString('utf8')) as unknown);
      } catch {
        throw new TwirpError('malformed', 'the json request could not be decoded');
      }
    };
    try {
      sendJson(res, 200, await route.handle(params, body));
    } catch (error) {
      if (error instanceof TwirpError) return sendTwirpError(res, error);
      return sendTwirpError(res, new TwirpError('internal', String(error)));
    }
  }

  private buildRoutes(): Route[] {
    const { state } = this;
    const seg = '([^/]+)';
    const participantPath = `participants/${seg}/${seg}`;
    const route = (method: string, pattern: string, handle: Route['handle']): Route => ({
      method,
      pattern: new RegExp(`^${pattern}$`),
      handle,
    });
    const lookup = ([roomName, identity]: string[]): {
      room: RoomState;
      participant: Participant;
    } => {
      const room = state.rooms.get(roomName!);
      const participant = room?.participants.get(identity!);
      if (!room || !participant) throw participantNotFound();
      return { room, participant };
    };
    const requireEgress = (): void => {
      if (!this.egressEnabled) {
        throw new TwirpError(
          'failed_precondition',
          'egress simulation is off (start with --egress)',
        );
      }
    };

    return [
      route('POST', 'participants', async (_p, body) => {
        const parsed = parseBody(joinSchema, await body());
        return state.join(parsed.room, toJoinSpec(parsed)).toTwirpJsonString();
      }),
      route('POST', 'bulk', async (_p, body) => {
        const { participants } = parseBody(bulkSchema, await body());
        for (const spec of participants) state.join(spec.room, toJoinSpec(spec));
        return JSON.stringify({ joined: participants.length } satisfies BulkJoinResponse);
      }),
      route('DELETE', participantPath, (params) => {
        const { room, participant } = lookup(params);
        state.leave(room, participant, DisconnectReason.CLIENT_INITIATED);
        return '{}';
      }),
      route('POST', `${participantPath}/state`, async (params, body) => {
        const { room, participant } = lookup(params);
        state.advance(room, participant, parseBody(stateSchema, await body()).state);
        return participant.toTwirpJsonString();
      }),
      route('POST', `${participantPath}/tracks`, async (params, body) => {
        const { room, participant } = lookup(params);
        const track = toTrackSpec(parseBody(trackSchema, await body()));
        return encodeTwirpJson(state.publishTrack(room, participant, track));
      }),
      route('DELETE', `${participantPath}/tracks/${seg}`, (params) => {
        const { room, participant } = lookup(params);
        if (!state.unpublishTrack(room, participant, params[2]!)) throw trackNotFound();
        return '{}';
      }),
      route('POST', `${participantPath}/tracks/${seg}/mute`, async (params, body) => {
        const { room, participant } = lookup(params);
        const { muted } = parseBody(muteSchema, await body());
        const track = participant.findTrack(params[2]!);
        if (!track) throw trackNotFound();
        state.setTrackMuted(room, participant, track, muted, false);
        return encodeTwirpJson(track);
      }),
      route('GET', `${participantPath}/received`, ([roomName, identity]) => {
        const received = state.received.get(roomName!, identity!);
        if (!received) throw participantNotFound();
        return JSON.stringify({ received } satisfies ReceivedResponse);
      }),
      route('POST', 'reset', () => {
        state.reset();
        return '{}';
      }),
      route('GET', 'state', () => this.stateJson()),
      route('POST', 'egress', async (_p, body) => {
        requireEgress();
        const spec = parseBody(egressSchema, await body());
        const room = state.rooms.get(spec.room);
        return encodeTwirpJson(
          state.io.startEgress({
            kind: spec.kind ?? 'room_composite',
            roomName: spec.room,
            roomId: room?.sid ?? '',
            identity: spec.identity,
            trackSid: spec.trackSid,
            url: spec.url,
          }),
        );
      }),
      route('POST', `egress/${seg}/stop`, ([egressId]) => {
        requireEgress();
        return encodeTwirpJson(state.io.stopEgress(egressId!));
      }),
      route('POST', 'ingress', async (_p, body) => {
        requireEgress();
        const spec = parseBody(ingressSchema, await body());
        return encodeTwirpJson(
          state.io.createIngress({
            roomName: spec.room,
            name: spec.name,
            inputType: toIngressInput(spec.inputType),
            participantIdentity: spec.identity,
            participantName: spec.participantName,
          }),
        );
      }),
      route('POST', `ingress/${seg}/start`, ([ingressId]) => {
        requireEgress();
        const info = state.io.requireIngress(ingressId!);
        const roomId = state.rooms.get(info.roomName)?.sid ?? '';
        return encodeTwirpJson(state.io.startIngress(ingressId!, roomId));
      }),
      route('POST', `ingress/${seg}/stop`, ([ingressId]) => {
        requireEgress();
        return encodeTwirpJson(state.io.stopIngress(ingressId!));
      }),
    ];
  }

  /**
   * Everything at once (`StateResponse` in control-types.ts), concatenated from cached participant
   * encodings because re-serialising 10k participants on every poll is what the cache avoids.
   */
  private stateJson(): string {
    const rooms = [...this.state.rooms.values()].map((room) => {
      const participants = [...room.participants.values()].map((p) => p.toTwirpJsonString());
      const dispatches = [...room.dispatches.values()].map((d) => encodeTwirpJson(d));
      return `{"room":${encodeTwirpJson(room.toProto())},"participants":[${participants.join(',')}],"dispatches":[${dispatches.join(',')}]}`;
    });
    const egress = [...this.state.io.egress.values()].map((e) => encodeTwirpJson(e));
    const ingress = [...this.state.io.ingress.values()].map((i) => encodeTwirpJson(i));
    return `{"rooms":[${rooms.join(',')}],"egress":[${egress.join(',')}],"ingress":[${ingress.join(',')}]}`;
  }
}

const trackNotFound = (): TwirpError => new TwirpError('not_found', 'track does not exist');
