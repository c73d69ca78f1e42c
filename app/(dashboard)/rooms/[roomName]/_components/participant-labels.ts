import type { BadgeTone } from '@/components/ui/badge';
import type { ParticipantDto, ParticipantState } from '@/lib/contracts/dto';
import { TRACK_SOURCE_INFO } from '@/lib/contracts/tracks';

/** How each participant state reads and looks; presentation only, so it lives with the page. */
export const STATE_LABELS: Record<ParticipantState, { label: string; tone: BadgeTone }> = {
  ACTIVE: { label: 'Active', tone: 'success' },
  JOINED: { label: 'Joined', tone: 'info' },
  JOINING: { label: 'Joining', tone: 'warning' },
  DISCONNECTED: { label: 'Disconnected', tone: 'neutral' },
};

/** One line of what a participant may do, e.g. "Publish (camera) · Subscribe · Data". */
export function permissionSummary(participant: ParticipantDto): string {
  const permission = participant.permission;
  if (!permission) return 'Default';
  const parts: string[] = [];
  if (permission.canPublish) {
    const sources = permission.canPublishSources.map((s) => TRACK_SOURCE_INFO[s].noun);
    parts.push(sources.length > 0 ? `Publish (${sources.join(', ')})` : 'Publish');
  }
  if (permission.canSubscribe) parts.push('Subscribe');
  if (permission.canPublishData) parts.push('Data');
  if (permission.hidden) parts.push('Hidden');
  if (permission.recorder) parts.push('Recorder');

  return parts.length > 0 ? parts.join(' · ') : 'No permissions';
}
