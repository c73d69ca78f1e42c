import 'server-only';

import { bulkReportSchema } from '@/lib/contracts/bulk';
import { matchesPreset } from '@/lib/contracts/permission-presets';
import * as livekit from '@/lib/livekit/room-service';
import { applyPermissionPresetInputSchema } from '@/lib/schemas/bulk';

import { defineOperation } from '../operation';
import { updatePermissions } from '../participants/update-permissions';
import { findVisiblePreset } from '../presets/visible-presets';
import { selectTargets } from './bulk-targets';
import { runInBulk } from './run-in-bulk';

/**
 * Applies a permission preset to one participant, a selection or the whole room: one
 * updatePermissions per participant (a patch of the fields presets set), each audited.
 */
export const applyPermissionPreset = defineOperation({
  name: 'applyPermissionPreset',
  summary: 'Apply a permission preset',
  description:
    'Sets the publish, data, subscribe and hidden fields of the named participants (or everyone in the room) to a preset: a built-in one (Speaker, Screen presenter, Audience, Silent observer) or one an admin defined (`listPermissionPresets`). Other fields are kept. Moderators, agents, egress and recorders are left out unless `includeProtected`.',
  tag: 'Participants',
  input: applyPermissionPresetInputSchema,
  output: bulkReportSchema,
  permission: 'participants.update',
  http: { method: 'POST', path: '/rooms/{roomName}/bulk/apply-preset' },
  audit: {
    action: 'bulk.preset_applied',
    target: ({ roomName }) => ({ roomName }),
    params: ({ preset, identities, includeProtected }) => ({
      preset,
      selection: identities?.length ?? 'room',
      includeProtected,
    }),
  },
  rooms: ({ roomName }) => [roomName],
  errors: ['not_found'],
  async act(context, { roomName, preset, identities, includeProtected, runId }) {
    const { label, permission } = await findVisiblePreset(context.actor, preset);
    const selection = selectTargets(await livekit.listParticipants(roomName), {
      identities,
      includeProtected,
    });
    const skipped = [...selection.skipped];
    const items = selection.targets.flatMap(({ identity, permission: current }) => {
      if (current && matchesPreset(current, permission)) {
        skipped.push({ identity, reason: `already ${label}` });
        return [];
      }
      return [{ identity, trackSid: null, input: { roomName, identity, permission } }];
    });
    return runInBulk(
      context,
      { roomName, runId, action: 'bulk.preset_applied' },
      updatePermissions,
      items,
      { skipped, missing: selection.missing },
    );
  },
});
