import { BULK_TRACK_GROUPS, type BulkTrackGroup } from '@/lib/contracts/bulk';
import type { PermissionPresetDto } from '@/lib/contracts/permission-presets';
import type { Permission } from '@/lib/contracts/permissions';

/** What a moderator picks in the bulk menu; each maps to one operation of the registry. */
export type BulkAction =
  | { kind: 'mute'; group: BulkTrackGroup }
  | { kind: 'forceMute' }
  | { kind: 'preset'; preset: PermissionPresetDto }
  | { kind: 'remove' };

export const BULK_ACTION_PERMISSIONS = {
  mute: 'tracks.mute',
  forceMute: 'tracks.mute',
  preset: 'participants.update',
  remove: 'participants.remove',
} as const satisfies Record<BulkAction['kind'], Permission>;

/** The menu item, dialog title and confirm button of an action. */
export function bulkActionLabel(action: BulkAction): string {
  switch (action.kind) {
    case 'mute':
      return BULK_TRACK_GROUPS[action.group].label;
    case 'forceMute':
      return 'Force mute';
    case 'preset':
      return `Make ${action.preset.label}`;
    case 'remove':
      return 'Remove';
  }
}

/** The sentence that ends "…of 12 selected participants": what each target undergoes. */
export function bulkActionEffect(action: BulkAction): string {
  switch (action.kind) {
    case 'mute':
      return `Mutes every published ${BULK_TRACK_GROUPS[action.group].noun} track.`;
    case 'forceMute':
      return 'Mutes their microphones only (cameras and screen shares stay on), and their app is told who muted them. Participants without a live microphone are skipped.';
    case 'preset':
      return `${action.preset.description ? `${action.preset.description} ` : ''}Other permission fields are kept.`;
    case 'remove':
      return 'Disconnects them. Their tokens stay valid: they can rejoin until the tokens expire.';
  }
}
