import 'server-only';

import { deletePermissionPreset as deleteStoredPreset } from '@/lib/db/permission-presets';
import { deletePermissionPresetInputSchema } from '@/lib/schemas/permission-presets';

import { DomainError } from '../errors';
import { defineOperation } from '../operation';
import { findVisiblePreset } from './visible-presets';

/**
 * Deletes an admin's preset. Participants keep the permission it gave them; only the template
 * (and its badge) goes. Built-in presets cannot be deleted; a tenant's admin deletes only their
 * tenant's.
 */
export const deletePermissionPreset = defineOperation({
  name: 'deletePermissionPreset',
  summary: 'Delete a permission preset',
  description:
    'Participants keep the permissions it gave them. A built-in preset is 409; another tenant’s, or everyone’s for a tenant’s admin, is 404.',
  tag: 'Participants',
  input: deletePermissionPresetInputSchema,
  output: null,
  permission: 'presets.manage',
  http: { method: 'DELETE', path: '/permission-presets/{key}' },
  audit: { action: 'preset.deleted', target: () => ({}), params: ({ key }) => ({ key }) },
  errors: ['not_found', 'conflict'],
  async act({ actor }, { key }) {
    const preset = await findVisiblePreset(actor, key);
    if (preset.builtIn) {
      throw new DomainError('conflict', `“${preset.label}” is built in and cannot be deleted.`);
    }
    // A tenant's admin removes their tenant's presets; everyone's are for admins bound to none.
    if (actor.tenant !== null && preset.tenant !== actor.tenant) {
      throw new DomainError('not_found', `There is no permission preset “${key}”.`);
    }
    if (!(await deleteStoredPreset(key))) {
      throw new DomainError('not_found', `There is no permission preset “${key}”.`);
    }
    return null;
  },
});
