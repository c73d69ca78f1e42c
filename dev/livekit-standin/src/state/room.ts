import { Codec, Room, type AgentDispatch } from '@livekit/protocol';
import type { Participant } from './participant';

/** Codecs the server enables by default (§3.1). */
export const DEFAULT_CODECS = [
  'audio/PCMU',
  'audio/PCMA',
  'audio/opus',
  'audio/red',
  'video/VP8',
  'video/H264',
  'video/VP9',
  'video/AV1',
  'video/H265',
  'video/rtx',
];

export const defaultCodecs = (): Codec[] =>
  DEFAULT_CODECS.map((mime) => new Codec({ mime, fmtpLine: '' }));

const NONCE_WINDOW = 100;

export class RoomState {
  readonly participants = new Map<string, Participant>();
  readonly dispatches = new Map<string, AgentDispatch>();
  /** Unix seconds, like the server's whole-second bookkeeping used for closing (§4.2). */
  firstJoinedAt = 0;
  lastLeftAt = 0;
  private readonly recentNonces: string[] = [];

  constructor(
    /** Room proto without the derived counters; see `toProto`. */
    readonly info: Room,
    private readonly hasActiveEgress: (roomName: string) => boolean,
  ) {}

  get name(): string {
    return this.info.name;
  }

  get sid(): string {
    return this.info.sid;
  }

  /** Non-dependent participants: the ones max_participants and num_participants count. */
  countNonDependent(): number {
    let count = 0;
    for (const p of this.participants.values()) if (!p.isDependent()) count += 1;
    return count;
  }

  /** A fresh Room proto with num_participants/num_publishers/active_recording filled in (§3.2). */
  toProto(): Room {
    let numParticipants = 0;
    let numPublishers = 0;
    let recorderPresent = false;
    for (const p of this.participants.values()) {
      if (!p.isDependent()) numParticipants += 1;
      if (p.info.isPublisher) numPublishers += 1;
      if (p.isRecorder()) recorderPresent = true;
    }
    const room = this.info.clone();
    room.numParticipants = numParticipants;
    room.numPublishers = numPublishers;
    room.activeRecording = recorderPresent || this.hasActiveEgress(this.name);
    return room;
  }

  /** Track-event payloads carry only sid and name (§5.1). */
  toTrimmedProto(): Room {
    return new Room({ sid: this.sid, name: this.name });
  }

  /** True when the nonce was already seen among the room's recent ones (§3.10). */
  isDuplicateNonce(nonce: Uint8Array): boolean {
    if (nonce.length === 0) return false;
    const key = Buffer.from(nonce).toString('base64');
    if (this.recentNonces.includes(key)) return true;
    this.recentNonces.push(key);
    if (this.recentNonces.length > NONCE_WINDOW) this.recentNonces.shift();
    return false;
  }
}
