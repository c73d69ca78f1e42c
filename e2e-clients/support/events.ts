/**
 * What a participant page records of its `livekit-client` Room, one entry per SDK event, in a shape
 * that survives `page.evaluate` (plain JSON: no class instances, enums as their names). The page
 * (participant-api.ts) writes it, the fixture (../fixtures.ts) reads and awaits it.
 * Event names are the SDK's RoomEvent values:
 * https://docs.livekit.io/reference/client-sdk-js/enums/RoomEvent.html
 */

/** A track publication as the log shows it. */
export interface LoggedTrack {
  trackSid: string;
  /** `Track.Source` value: `microphone`, `camera`, `screen_share`, … */
  source: string;
  /** `audio` or `video`. */
  kind: string;
  muted: boolean;
}

/** ParticipantPermission as the SDK holds it (sources by their enum names, e.g. `MICROPHONE`). */
export interface LoggedPermission {
  canPublish: boolean;
  canSubscribe: boolean;
  canPublishData: boolean;
  canPublishSources: string[];
  canUpdateMetadata: boolean;
  hidden: boolean;
}

/** Whose event it is: the page's own (local) participant or a remote one. */
export interface LoggedParticipant {
  identity: string;
  local: boolean;
}

type Entry<Name extends string, Details = object> = {
  name: Name;
  seq: number;
  at: number;
} & Details;

export type ParticipantEvent =
  | Entry<'connected'>
  | Entry<'disconnected', { reason: string | null }>
  | Entry<'reconnecting'>
  | Entry<'signalReconnecting'>
  | Entry<'reconnected'>
  | Entry<'connectionStateChanged', { state: string }>
  | Entry<'participantConnected', { identity: string; participantName: string }>
  | Entry<'participantDisconnected', { identity: string; reason: string | null }>
  | Entry<'participantNameChanged', LoggedParticipant & { participantName: string }>
  | Entry<'participantMetadataChanged', LoggedParticipant & { metadata: string | null }>
  | Entry<
      'participantAttributesChanged',
      LoggedParticipant & { changed: Record<string, string>; attributes: Record<string, string> }
    >
  | Entry<
      'participantPermissionsChanged',
      LoggedParticipant & { permission: LoggedPermission | null }
    >
  | Entry<'roomMetadataChanged', { metadata: string }>
  /** LiveKit Cloud's MoveParticipant: the connection carries on in `roomName`. */
  | Entry<'moved', { roomName: string }>
  | Entry<'trackMuted', LoggedParticipant & LoggedTrack>
  | Entry<'trackUnmuted', LoggedParticipant & LoggedTrack>
  | Entry<'trackPublished', LoggedParticipant & LoggedTrack>
  | Entry<'trackUnpublished', LoggedParticipant & LoggedTrack>
  | Entry<'localTrackPublished', LoggedParticipant & LoggedTrack>
  | Entry<'localTrackUnpublished', LoggedParticipant & LoggedTrack>
  | Entry<'trackSubscribed', LoggedParticipant & LoggedTrack>
  | Entry<'trackUnsubscribed', LoggedParticipant & LoggedTrack>
  | Entry<'trackSubscriptionFailed', { identity: string; trackSid: string; reason: string | null }>
  | Entry<
      'dataReceived',
      {
        /** The payload decoded as UTF-8. */
        text: string;
        topic: string | null;
        /** Sender identity; null for data the server sent (SendData from the dashboard). */
        identity: string | null;
        /** `DataPacket_Kind` name: `RELIABLE` or `LOSSY`. */
        kind: string | null;
      }
    >
  | Entry<'mediaDevicesError', { message: string }>;

export type ParticipantEventName = ParticipantEvent['name'];
export type ParticipantEventOf<N extends ParticipantEventName> = Extract<
  ParticipantEvent,
  { name: N }
>;

/** A refused call, with what the SDK's error carried (`ConnectionError` has reason and status). */
export interface LoggedError {
  /** Error class name: `ConnectionError`, `TrackInvalidError`, … */
  errorName: string;
  message: string;
  /** `ConnectionErrorReason` name (`NotAllowed`, `InternalError`, …) when the SDK gave one. */
  reason: string | null;
  /** HTTP status of the server's refusal, when the SDK kept it. */
  status: number | null;
  /** `DisconnectReason` name of a LeaveRequest refusal (the server's leave during the join). */
  leaveReason: string | null;
}

export type CallResult<T = object> = ({ ok: true } & T) | ({ ok: false } & LoggedError);

/** What `connect` answers once the Room is connected. */
export interface ConnectInfo {
  sid: string;
  identity: string;
  participantName: string;
  roomName: string;
  serverVersion: string | null;
}

/** Connect options the page passes to `new Room()` and `room.connect()`. */
export interface ConnectOptions {
  autoSubscribe?: boolean;
  adaptiveStream?: boolean;
  dynacast?: boolean;
  /** Off by default here: the stand-in forwards one layer (dev/livekit-standin/README.md). */
  simulcast?: boolean;
  /** Timeout of the peer-connection phase, ms (the SDK default is 15 s). */
  peerConnectionTimeout?: number;
  /**
   * RoomOptions.singlePeerConnection (SDK default true: `/rtc/v1`, one PeerConnection); false
   * joins on the legacy `/rtc` path with a publisher and a subscriber PeerConnection.
   */
  singlePeerConnection?: boolean;
}

export interface PublishDataOptions {
  topic?: string;
  reliable?: boolean;
  destinationIdentities?: string[];
}

/** A snapshot of the Room as the SDK sees it now. */
export interface RoomSnapshot {
  state: string;
  identity: string | null;
  permission: LoggedPermission | null;
  localTracks: LoggedTrack[];
  remote: { identity: string; participantName: string; tracks: LoggedTrack[] }[];
}

/** The API the participant page exposes as `window.lk`. */
export interface ParticipantApi {
  connect(url: string, token: string, options?: ConnectOptions): Promise<CallResult<ConnectInfo>>;
  setMicrophoneEnabled(enabled: boolean): Promise<CallResult<{ trackSid: string | null }>>;
  setCameraEnabled(enabled: boolean): Promise<CallResult<{ trackSid: string | null }>>;
  publishData(text: string, options?: PublishDataOptions): Promise<CallResult>;
  disconnect(): Promise<void>;
  events(): ParticipantEvent[];
  snapshot(): RoomSnapshot;
  /** Sum of `framesDecoded` over the inbound-rtp video stats of every subscribed video track. */
  framesDecoded(): Promise<number>;
  /**
   * Sums over the inbound-rtp audio stats of every subscribed audio track. The page plays remote
   * audio out (an `<audio>` element per track), so Chromium decodes it and counts its samples.
   */
  audioReceived(): Promise<AudioReceived>;
}

/** Received remote audio, summed over the page's subscribed audio tracks (inbound-rtp stats). */
export interface AudioReceived {
  packetsReceived: number;
  /** Decoded samples (48 kHz Opus: 48,000 a second per channel). */
  totalSamplesReceived: number;
}
