import 'server-only';

import type { PermissionPresetDto, PresetPermission } from '@/lib/contracts/permission-presets';

import { getDb } from './index';
import type { PermissionPresetRow } from './schema';

/** An admin-defined preset as stored; `false` from insert when the key is taken. */
export type NewPermissionPreset = Pick<
  PermissionPresetDto,
  'key' | 'label' | 'description' | 'permission' | 'tenant'
> & { createdBy: string; createdAtMs: number };

function toPreset(row: PermissionPresetRow): PermissionPresetDto {
  return {
    key: row.key,
    label: row.label,
    description: row.description,
    permission: JSON.parse(row.permission) as PresetPermission,
    builtIn: false,
    tenant: row.tenant,
    createdBy: row.created_by,
    createdAtMs: Number(row.created_at),
  };
}

export async function insertPermissionPreset(
  preset: NewPermissionPreset,
): Promise<PermissionPresetDto> {
  const db = await getDb();
  const row: PermissionPresetRow = {
    key: preset.key,
    label: preset.label,
    description: preset.description,
    permission: JSON.stringify(preset.permission),
    tenant: preset.tenant,
    created_by: preset.createdBy,
    created_at: preset.createdAtMs,
  };
  await db.insertInto('permission_presets').values(row).execute();
  return toPreset(row);
}

/** Every stored preset, oldest first (the order admins made them in). */
export async function listPermissionPresets(): Promise<PermissionPresetDto[]> {
  const db = await getDb();
  const rows = await db
    .selectFrom('permission_presets')
    .selectAll()
    .orderBy('created_at')
    .orderBy('key')
    .execute();
  return rows.map(toPreset);
}

export async function findPermissionPreset(key: string): Promise<PermissionPresetDto | null> {
  const db = await getDb();
  const row = await db
    .selectFrom('permission_presets')
    .selectAll()
    .where('key', '=', key)
    .executeTakeFirst();
  return row ? toPreset(row) : null;
}

/** Whether a preset was deleted (false: there was none with that key). */
export async function deletePermissionPreset(key: string): Promise<boolean> {
  const db = await getDb();
  const result = await db
    .deleteFrom('permission_presets')
    .where('key', '=', key)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
