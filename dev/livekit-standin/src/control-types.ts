import type {
  AgentDispatch,
  EgressInfo,
  IngressInfo,
  ParticipantInfo,
  Room,
  TrackInfo,
} from '@livekit/protocol';
import type { z } from 'zod';
import type {
  bulkSchema,
  egressSchema,
  ingressSchema,
  joinSchema,
  muteSchema,
  stateSchema,
  trackSchema,
} from './control-schemas';
import type { ReceivedEntry } from './state/sink';
import type { TwirpJson } from './twirp-json';

/*
 * Wire types of the control API (control.ts), for its typed client. Requests are the zod
 * schemas' input types, answers the Twirp JSON of the protos the stand-in encodes, so neither
 * can drift from what the server really parses and sends.
 */

export type JoinRequest = z.input<typeof joinSchema>;
export type BulkJoinRequest = z.input<typeof bulkSchema>;
export type TrackRequest = z.input<typeof trackSchema>;
export type MuteRequest = z.input<typeof muteSchema>;
export type ParticipantStateRequest = z.input<typeof stateSchema>;
export type EgressRequest = z.input<typeof egressSchema>;
export type IngressRequest = z.input<typeof ingressSchema>;

export type RoomJson = TwirpJson<Room>;
export type ParticipantJson = TwirpJson<ParticipantInfo>;
export type PermissionJson = NonNullable<ParticipantJson['permission']>;
export type TrackJson = TwirpJson<TrackInfo>;
export type DispatchJson = TwirpJson<AgentDispatch>;
export type EgressJson = TwirpJson<EgressInfo>;
export type IngressJson = TwirpJson<IngressInfo>;

/** One room of `GET state`, as `ControlApi.stateJson` assembles it. */
export interface RoomStateJson {
  room: RoomJson;
  participants: ParticipantJson[];
  dispatches: DispatchJson[];
}

/** `GET state`. */
export interface StateResponse {
  rooms: RoomStateJson[];
  egress: EgressJson[];
  ingress: IngressJson[];
}

/** `POST bulk`. */
export interface BulkJoinResponse {
  joined: number;
}

/** `GET participants/{room}/{identity}/received`. */
export interface ReceivedResponse {
  received: ReceivedEntry[];
}

export type { ReceivedEntry, ServerMessage } from './state/sink';
