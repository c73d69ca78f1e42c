import type {
  ParticipantDto,
  ParticipantKind,
  ParticipantState,
  TrackSource,
} from '@/lib/queries/dto';
import type { BadgeTone } from '@/components/ui/badge';

export const KIND_LABELS: Record<ParticipantKind, string> = {
  STANDARD: 'Standard',
  AGENT: 'Agent',
  SIP: 'SIP',
  EGRESS: 'Egress',
  INGRESS: 'Ingress',
  CONNECTOR: 'Connector',
  BRIDGE: 'Bridge',
};

export const STATE_LABELS: Record<ParticipantState, { label: string; tone: BadgeTone }> = {
  ACTIVE: { label: 'Active', tone: 'success' },
  JOINED: { label: 'Joined', tone: 'info' },
  JOINING: { label: 'Joining', tone: 'warning' },
  DISCONNECTED: { label: 'Disconnected', tone: 'neutral' },
};

export const SOURCE_LABELS: Record<TrackSource, string> = {
  CAMERA: 'Camera',
  MICROPHONE: 'Microphone',
  SCREEN_SHARE: 'Screen share',
  SCREEN_SHARE_AUDIO: 'Screen share audio',
  UNKNOWN: 'Other',
};

/** One line saying what a participant may do, e.g. "Publish (camera, mic) · Subscribe · Data". */
export function permissionSummary(participant: ParticipantDto): string {
  const permission = participant.permission;
  if (!permission) return 'Default';
  const parts: string[] = [];
  if (permission.canPublish) {
    const sources = permission.canPublishSources.map((s) => SOURCE_LABELS[s].toLowerCase());
    parts.push(sources.length > 0 ? `Publish (${sources.join(', ')})` : 'Publish');
  }
  if (permission.canSubscribe) parts.push('Subscribe');
  if (permission.canPublishData) parts.push('Data');
  if (permission.hidden) parts.push('Hidden');
  if (permission.recorder) parts.push('Recorder');

  return parts.length > 0 ? parts.join(' · ') : 'No permissions';
}
