/** LiveKit's track, participant and layer vocabularies, with the words the UI shows for them. */

export const TRACK_TYPES = ['AUDIO', 'VIDEO', 'DATA'] as const;
export type TrackType = (typeof TRACK_TYPES)[number];

/** Each track source with its label (titles, columns) and noun (in sentences: "microphone of ann"). */
export const TRACK_SOURCE_INFO = {
  MICROPHONE: { label: 'Microphone', noun: 'microphone' },
  CAMERA: { label: 'Camera', noun: 'camera' },
  SCREEN_SHARE: { label: 'Screen share', noun: 'screen share' },
  SCREEN_SHARE_AUDIO: { label: 'Screen share audio', noun: 'screen share audio' },
  UNKNOWN: { label: 'Other', noun: 'track' },
} as const;
export type TrackSource = keyof typeof TRACK_SOURCE_INFO;
export const TRACK_SOURCES = Object.keys(TRACK_SOURCE_INFO) as TrackSource[];

/** The sources a permission can allow (`canPublishSources`); UNKNOWN is not one. */
export const PUBLISH_SOURCES = [
  'CAMERA',
  'MICROPHONE',
  'SCREEN_SHARE',
  'SCREEN_SHARE_AUDIO',
] as const satisfies readonly TrackSource[];
export type PublishSource = (typeof PUBLISH_SOURCES)[number];

export const VIDEO_QUALITIES = ['LOW', 'MEDIUM', 'HIGH', 'OFF'] as const;

export const PARTICIPANT_STATES = ['JOINING', 'JOINED', 'ACTIVE', 'DISCONNECTED'] as const;
export type ParticipantState = (typeof PARTICIPANT_STATES)[number];

export const PARTICIPANT_KIND_LABELS = {
  STANDARD: 'Standard',
  INGRESS: 'Ingress',
  EGRESS: 'Egress',
  SIP: 'SIP',
  AGENT: 'Agent',
  CONNECTOR: 'Connector',
  BRIDGE: 'Bridge',
} as const;
export type ParticipantKind = keyof typeof PARTICIPANT_KIND_LABELS;
export const PARTICIPANT_KINDS = Object.keys(PARTICIPANT_KIND_LABELS) as ParticipantKind[];
