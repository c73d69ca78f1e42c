import type { StandinState } from '../state/store';
import type { RoomState } from '../state/room';
import type { Participant } from '../state/participant';
import { noResponseFromServers } from '../errors';

/** What the Twirp services need from the running stand-in. */
export interface ServiceDeps {
  state: StandinState;
  remoteUnmute: boolean;
  cloud: boolean;
  egress: boolean;
  /**
   * psrpc's no-responder path (§3): the call waits (real server ≈ 3 s: 3 attempts × 1 s claim
   * timeout) and then fails with 503 `unavailable`.
   */
  stall(): Promise<never>;
}

/** Size limits of the default config (§3). */
export const LIMITS = {
  roomName: 256,
  participantName: 256,
  metadata: 524_288,
  attributes: 65_536,
  rpcPayload: 15_360,
} as const;

export const byteLength = (value: string): number => Buffer.byteLength(value);

export function attributesSize(attributes: Record<string, string>): number {
  let total = 0;
  for (const [key, value] of Object.entries(attributes))
    total += byteLength(key) + byteLength(value);
  return total;
}

/** Resolves the participant topic of the real server: absent → the psrpc stall. */
export async function hostedParticipant(
  deps: ServiceDeps,
  roomName: string,
  identity: string,
): Promise<{ room: RoomState; participant: Participant }> {
  const room = deps.state.rooms.get(roomName);
  const participant = room?.participants.get(identity);
  if (!room || !participant) return deps.stall();
  return { room, participant };
}

/** Resolves the room topic of the real server: absent → the psrpc stall. */
export async function hostedRoom(deps: ServiceDeps, roomName: string): Promise<RoomState> {
  const room = deps.state.rooms.get(roomName);
  return room ?? deps.stall();
}

export class Staller {
  private readonly pending = new Set<() => void>();

  constructor(private readonly delayMs: number) {}

  stall = (): Promise<never> =>
    new Promise<never>((_resolve, reject) => {
      const fail = (): void => {
        clearTimeout(timer);
        this.pending.delete(fail);
        reject(noResponseFromServers());
      };
      const timer = setTimeout(fail, this.delayMs);
      this.pending.add(fail);
    });

  /** On shutdown, end every stalled call right away. */
  flush(): void {
    for (const fail of [...this.pending]) fail();
  }
}
