import type { PresetPermission } from '@/lib/contracts/permission-presets';
import { TRACK_SOURCE_INFO } from '@/lib/contracts/tracks';

/** "Publish (camera, microphone) · Subscribe · Data", as the participants table words it. */
export function presetSummary(permission: PresetPermission): string {
  const parts: string[] = [];
  if (permission.canPublish) {
    const sources = permission.canPublishSources.map((s) => TRACK_SOURCE_INFO[s].noun);
    parts.push(sources.length > 0 ? `Publish (${sources.join(', ')})` : 'Publish (any source)');
  }
  if (permission.canSubscribe) parts.push('Subscribe');
  if (permission.canPublishData) parts.push('Data');
  if (permission.hidden) parts.push('Hidden');
  return parts.length > 0 ? parts.join(' · ') : 'Nothing';
}
