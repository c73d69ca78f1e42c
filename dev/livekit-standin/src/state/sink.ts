import type { ParticipantInfo, Room } from '@livekit/protocol';
import type { TwirpJson } from '../twirp-json';

/**
 * Everything the server sends to one participant. Simulated participants record these into their
 * `received` log; a real client's session (rtc/session.ts) turns them into SignalResponse /
 * DataPacket messages. Every server→participant path goes through a sink.
 */
export type ServerMessage =
  | {
      type: 'data';
      /** Standard base64 of the user payload. */
      payload: string;
      topic: string | null;
      kind: 'RELIABLE' | 'LOSSY';
      /** Empty when the server (SendData) is the sender. */
      senderIdentity: string;
      destinationIdentities: string[];
      destinationSids: string[];
    }
  | { type: 'mute'; trackSid: string; muted: boolean }
  | { type: 'participant_update'; participant: TwirpJson<ParticipantInfo> }
  | { type: 'room_update'; room: TwirpJson<Room> }
  | { type: 'leave'; reason: string; action: 'DISCONNECT' }
  | {
      type: 'subscription_update';
      trackSids: string[];
      subscribe: boolean;
      participantTracks: { participantSid: string; trackSids: string[] }[];
    }
  | {
      type: 'rpc_request';
      id: string;
      method: string;
      payload: string;
      responseTimeoutMs: number;
    }
  | { type: 'moved'; destinationRoom: string }
  /** The server unpublished one of the participant's own tracks (its permission was revoked). */
  | { type: 'track_unpublished'; trackSid: string };

export interface ParticipantSink {
  deliver(message: ServerMessage): void;
  /**
   * A real client (rtc/session.ts): it is also told when others join and leave, and it follows
   * its participant on a Cloud move. Simulated participants' logs skip both, which keeps a
   * 10k-participant room from an O(n²) flood of presence entries.
   */
  readonly realtime?: boolean;
}

export type ReceivedEntry = ServerMessage & { at: number };

/** Per participant, at least this many of the latest entries are kept. */
export const MAX_ENTRIES = 1000;
const TRIM_BATCH = 100;

/**
 * `received` logs of simulated participants, keyed by room and identity. They outlive the
 * participant so a test can still read the leave request after a removal.
 */
export class ReceivedLog {
  private readonly logs = new Map<string, ReceivedEntry[]>();

  private static key(roomName: string, identity: string): string {
    return `${roomName}\u0000${identity}`;
  }

  sinkFor(roomName: string, identity: string): ParticipantSink {
    const key = ReceivedLog.key(roomName, identity);
    let log = this.logs.get(key);
    if (!log) {
      log = [];
      this.logs.set(key, log);
    }
    const entries = log;
    return {
      deliver: (message) => {
        entries.push(this.entryOf(message));
        // Bounded so long `--simulate` runs cannot grow without limit; trimmed in batches so a
        // hot participant does not pay an O(n) shift per message.
        if (entries.length >= MAX_ENTRIES + TRIM_BATCH) entries.splice(0, TRIM_BATCH);
      },
    };
  }

  /**
   * One entry per message, shared by every log it is delivered to: a broadcast in a room of n
   * participants is one object, not n copies (a bulk mute of a 1,000-participant room is a million
   * deliveries). Entries are never changed after they are made.
   */
  private readonly shared = new WeakMap<ServerMessage, ReceivedEntry>();

  private entryOf(message: ServerMessage): ReceivedEntry {
    let entry = this.shared.get(message);
    if (!entry) {
      entry = { ...message, at: Date.now() };
      this.shared.set(message, entry);
    }
    return entry;
  }

  get(roomName: string, identity: string): ReceivedEntry[] | undefined {
    return this.logs.get(ReceivedLog.key(roomName, identity));
  }

  clear(): void {
    this.logs.clear();
  }
}
