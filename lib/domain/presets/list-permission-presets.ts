import 'server-only';

import { z } from 'zod';

import { permissionPresetSchema } from '@/lib/contracts/permission-presets';
import { listPermissionPresetsInputSchema } from '@/lib/schemas/permission-presets';

import { defineOperation } from '../operation';
import { visiblePresets } from './visible-presets';

export const listPermissionPresets = defineOperation({
  name: 'listPermissionPresets',
  summary: 'List permission presets',
  description:
    'Built-in presets first, then the ones admins defined that the caller may see (everyone’s, and their own tenant’s).',
  tag: 'Participants',
  input: listPermissionPresetsInputSchema,
  output: z
    .object({ presets: z.array(permissionPresetSchema) })
    .meta({ id: 'PermissionPresetList' }),
  permission: 'rooms.read',
  http: { method: 'GET', path: '/permission-presets' },
  audit: { action: 'preset.listed' },
  errors: [],
  async act({ actor }) {
    return { presets: await visiblePresets(actor) };
  },
});
