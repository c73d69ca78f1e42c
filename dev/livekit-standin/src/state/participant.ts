import {
  ParticipantInfo,
  ParticipantInfo_Kind,
  ParticipantPermission,
  TrackSource,
  type TrackInfo,
} from '@livekit/protocol';
import { encodeTwirpJson } from '../encoding';
import type { ParticipantSink } from './sink';

/** A participant hosted by the stand-in: its ParticipantInfo plus the sink that reaches it. */
export class Participant {
  private cachedJson: string | undefined;
  /** Set once ACTIVE was reached; decides participant_left vs participant_connection_aborted. */
  everActive = false;

  constructor(
    readonly info: ParticipantInfo,
    public sink: ParticipantSink,
  ) {}

  get identity(): string {
    return this.info.identity;
  }

  get sid(): string {
    return this.info.sid;
  }

  /** Marks a visible change: bumps `version` (§4.3) and drops the cached encoding. */
  changed(): void {
    this.info.version += 1;
    this.cachedJson = undefined;
  }

  /**
   * Twirp JSON of this participant. Cached because ListParticipants on a 10k room would otherwise
   * re-encode every participant on every call; `changed()` invalidates it.
   */
  toTwirpJsonString(): string {
    this.cachedJson ??= encodeTwirpJson(this.info);
    return this.cachedJson;
  }

  findTrack(trackSid: string): TrackInfo | undefined {
    return this.info.tracks.find((t) => t.sid === trackSid);
  }

  /** Dependent participants do not count for max_participants, num_participants or closing (§4.2). */
  isDependent(): boolean {
    const kind = this.info.kind;
    const permission = this.info.permission;
    return (
      kind === ParticipantInfo_Kind.AGENT ||
      kind === ParticipantInfo_Kind.EGRESS ||
      permission?.agent === true ||
      permission?.recorder === true
    );
  }

  isRecorder(): boolean {
    return (
      this.info.kind === ParticipantInfo_Kind.EGRESS || this.info.permission?.recorder === true
    );
  }

  canPublishSource(source: TrackSource): boolean {
    return canPublishSource(this.info.permission, source);
  }
}

export function canPublishSource(
  permission: ParticipantPermission | undefined,
  source: TrackSource,
): boolean {
  if (!permission?.canPublish) return false;
  // An empty source list means "all sources" (§2.1).
  return permission.canPublishSources.length === 0 || permission.canPublishSources.includes(source);
}

/** Join-token defaults (§4.4): subscribe, publish and data allowed, everything else off. */
export function defaultPermission(): ParticipantPermission {
  return new ParticipantPermission({ canSubscribe: true, canPublish: true, canPublishData: true });
}
