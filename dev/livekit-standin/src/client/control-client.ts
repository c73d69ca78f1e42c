import { CONTROL_PREFIX } from '../control-path';
import type {
  BulkJoinResponse,
  EgressJson,
  EgressRequest,
  IngressJson,
  IngressRequest,
  JoinRequest,
  ParticipantJson,
  ParticipantStateRequest,
  ReceivedEntry,
  ReceivedResponse,
  RoomStateJson,
  StateResponse,
  TrackJson,
  TrackRequest,
} from '../control-types';
import { StandinControlError } from './control-error';
import { ControlTokenSigner } from './control-token';

/*
 * CAUTION: the control API invents participants and rewrites the stand-in's state. This client is
 * for tests, benchmarks and dev scripts against a stand-in, never against a real LiveKit server.
 */

export interface StandinControlOptions {
  /** The stand-in's base URL, e.g. `http://127.0.0.1:7880` (a `ws://` URL works too). */
  url: string;
  /** One of the stand-in's key pairs; default `devkey` / `secret`, like `livekit-server --dev`. */
  apiKey?: string;
  apiSecret?: string;
}

const seg = encodeURIComponent;
const participantPath = (room: string, identity: string) =>
  `participants/${seg(room)}/${seg(identity)}`;
const trackPath = (room: string, identity: string, trackSid: string) =>
  `${participantPath(room, identity)}/tracks/${seg(trackSid)}`;

/** Typed client of the stand-in's `/standin/v1` control API, one method per endpoint. */
export class StandinControl {
  readonly url: string;
  private readonly signer: ControlTokenSigner;

  constructor({ url, apiKey = 'devkey', apiSecret = 'secret' }: StandinControlOptions) {
    this.url = url.replace(/^ws/, 'http').replace(/\/+$/, '');
    this.signer = new ControlTokenSigner(apiKey, apiSecret);
  }

  /** The bearer token the client sends (signed once, renewed before it expires). */
  token(): Promise<string> {
    return this.signer.token();
  }

  // ---- participants -------------------------------------------------------------------------

  /** Joins a simulated participant; the room is auto-created. */
  join(request: JoinRequest): Promise<ParticipantJson> {
    return this.request('POST', 'participants', request);
  }

  /** Joins many participants in one request (seeding). */
  bulkJoin(participants: JoinRequest[]): Promise<BulkJoinResponse> {
    return this.request('POST', 'bulk', { participants });
  }

  /** The participant leaves on its own (`CLIENT_INITIATED`). */
  async leave(room: string, identity: string): Promise<void> {
    await this.request('DELETE', participantPath(room, identity));
  }

  /** Advances a join that was held at `JOINING`/`JOINED`. */
  advance(
    room: string,
    identity: string,
    state: ParticipantStateRequest['state'],
  ): Promise<ParticipantJson> {
    return this.request('POST', `${participantPath(room, identity)}/state`, { state });
  }

  // ---- tracks -------------------------------------------------------------------------------

  publish(room: string, identity: string, track: TrackRequest): Promise<TrackJson> {
    return this.request('POST', `${participantPath(room, identity)}/tracks`, track);
  }

  async unpublish(room: string, identity: string, trackSid: string): Promise<void> {
    await this.request('DELETE', trackPath(room, identity, trackSid));
  }

  /** The participant mutes or unmutes its own track (what its app would do). */
  selfMute(room: string, identity: string, trackSid: string, muted: boolean): Promise<TrackJson> {
    return this.request('POST', `${trackPath(room, identity, trackSid)}/mute`, { muted });
  }

  // ---- what the server sent participants ----------------------------------------------------

  /** Everything the stand-in sent one participant, oldest first; kept after it left. */
  async received(room: string, identity: string): Promise<ReceivedEntry[]> {
    const path = `${participantPath(room, identity)}/received`;
    return (await this.request<ReceivedResponse>('GET', path)).received;
  }

  /** The `received` entries of one type, typed by it. */
  async receivedOf<T extends ReceivedEntry['type']>(
    room: string,
    identity: string,
    type: T,
  ): Promise<Extract<ReceivedEntry, { type: T }>[]> {
    return (await this.received(room, identity)).filter(
      (entry): entry is Extract<ReceivedEntry, { type: T }> => entry.type === type,
    );
  }

  // ---- state --------------------------------------------------------------------------------

  state(): Promise<StateResponse> {
    return this.request('GET', 'state');
  }

  async room(name: string): Promise<RoomStateJson | undefined> {
    return (await this.state()).rooms.find((r) => r.room.name === name);
  }

  async participant(room: string, identity: string): Promise<ParticipantJson | undefined> {
    return (await this.room(room))?.participants.find((p) => p.identity === identity);
  }

  /** The participant's first track from `source`; throws when it has none. */
  async track(room: string, identity: string, source: TrackRequest['source']): Promise<TrackJson> {
    const wanted = source.toUpperCase();
    const participant = await this.participant(room, identity);
    const track = participant?.tracks.find((t) => t.source === wanted);
    if (!track) throw new Error(`${identity} has no ${wanted} track in ${room}`);
    return track;
  }

  /** Drops all rooms, logs, egress and ingress (no webhooks). */
  async reset(): Promise<void> {
    await this.request('POST', 'reset');
  }

  // ---- simulated egress / ingress (stand-in started with --egress) --------------------------

  startEgress(request: EgressRequest): Promise<EgressJson> {
    return this.request('POST', 'egress', request);
  }

  stopEgress(egressId: string): Promise<EgressJson> {
    return this.request('POST', `egress/${seg(egressId)}/stop`);
  }

  createIngress(request: IngressRequest): Promise<IngressJson> {
    return this.request('POST', 'ingress', request);
  }

  startIngress(ingressId: string): Promise<IngressJson> {
    return this.request('POST', `ingress/${seg(ingressId)}/start`);
  }

  stopIngress(ingressId: string): Promise<IngressJson> {
    return this.request('POST', `ingress/${seg(ingressId)}/stop`);
  }

  private async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { authorization: `Bearer ${await this.token()}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${this.url}${CONTROL_PREFIX}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok)
      throw new StandinControlError(method, `${CONTROL_PREFIX}${path}`, res.status, text);
    return JSON.parse(text) as T;
  }
}
