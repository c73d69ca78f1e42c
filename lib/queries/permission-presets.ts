'use client';

import { queryOptions, useQuery } from '@tanstack/react-query';

import { BUILT_IN_PRESETS, type PermissionPresetDto } from '@/lib/contracts/permission-presets';
import { PERMISSION_PRESETS_PATH } from '@/lib/queries/api-paths';
import { fetchJson } from '@/lib/queries/fetch-json';
import { presetKeys } from '@/lib/queries/keys';

export function permissionPresetsQueryOptions() {
  return queryOptions({
    queryKey: presetKeys.list(),
    queryFn: async ({ signal }) =>
      (
        await fetchJson<{ presets: PermissionPresetDto[] }>(PERMISSION_PRESETS_PATH, {
          signal,
        })
      ).presets,
    // Presets change rarely (an admin's page); a few minutes old is fine for badges and pickers.
    staleTime: 5 * 60_000,
  });
}

/**
 * Every preset the actor may apply: built-in ones at once (they are data in the bundle), the
 * admins' as soon as they are loaded. A failed load leaves the built-in ones.
 */
export function usePermissionPresets(): readonly PermissionPresetDto[] {
  const { data } = useQuery(permissionPresetsQueryOptions());
  return data ?? BUILT_IN_PRESETS;
}
