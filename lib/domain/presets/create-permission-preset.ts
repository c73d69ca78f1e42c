import 'server-only';

import { permissionPresetSchema } from '@/lib/contracts/permission-presets';
import { insertPermissionPreset } from '@/lib/db/permission-presets';
import { isUniqueViolation } from '@/lib/db/unique-violation';
import { createPermissionPresetInputSchema } from '@/lib/schemas/permission-presets';

import { DomainError } from '../errors';
import { defineOperation } from '../operation';

/**
 * An admin's own preset, next to the built-in ones in every preset picker and badge. It belongs
 * to the admin's tenant (everyone's when they are bound to none).
 */
export const createPermissionPreset = defineOperation({
  name: 'createPermissionPreset',
  summary: 'Define a permission preset',
  description:
    'Stores a named template of the publish, data, subscribe and hidden fields. It belongs to the caller’s tenant (every tenant’s when they are bound to none). A taken key is 409.',
  tag: 'Participants',
  input: createPermissionPresetInputSchema,
  output: permissionPresetSchema,
  permission: 'presets.manage',
  http: { method: 'POST', path: '/permission-presets', status: 201 },
  audit: {
    action: 'preset.created',
    target: () => ({}),
    params: ({ key, label, permission }) => ({ key, label, permission }),
  },
  errors: ['conflict'],
  async act({ actor }, { key, label, description, permission }) {
    try {
      return await insertPermissionPreset({
        key,
        label,
        description,
        permission,
        tenant: actor.tenant,
        createdBy: actor.username,
        createdAtMs: Date.now(),
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new DomainError('conflict', `A preset with the key “${key}” already exists.`, {
          fieldErrors: { key: ['This key is taken'] },
        });
      }
      throw error;
    }
  },
});
