import 'server-only';

import { BUILT_IN_PRESETS, type PermissionPresetDto } from '@/lib/contracts/permission-presets';
import { listPermissionPresets } from '@/lib/db/permission-presets';

import type { Actor } from '../actor';
import { DomainError } from '../errors';

/**
 * An admin's preset belongs to their tenant (null = everyone's): a tenant's users see built-in
 * presets, everyone's, and their own tenant's — never another tenant's, whose names would say
 * how that tenant runs its rooms.
 */
export function isVisible(actor: Actor, preset: PermissionPresetDto): boolean {
  return actor.tenant === null || preset.tenant === null || preset.tenant === actor.tenant;
}

/** Built-in presets first (a badge prefers them), then the admins' the actor may see. */
export async function visiblePresets(actor: Actor): Promise<PermissionPresetDto[]> {
  const stored = await listPermissionPresets();
  return [...BUILT_IN_PRESETS, ...stored.filter((preset) => isVisible(actor, preset))];
}

/** The preset a key names, for this actor; another tenant's is not found, like a missing one. */
export async function findVisiblePreset(actor: Actor, key: string): Promise<PermissionPresetDto> {
  const preset = (await visiblePresets(actor)).find((p) => p.key === key);
  if (!preset) throw new DomainError('not_found', `There is no permission preset “${key}”.`);
  return preset;
}
