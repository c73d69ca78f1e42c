'use client';

import type { QueryClient } from '@tanstack/react-query';

import type { PermissionPresetDto } from '@/lib/contracts/permission-presets';
import { presetKeys } from '@/lib/queries/keys';
import type {
  CreatePermissionPresetInput,
  DeletePermissionPresetInput,
} from '@/lib/schemas/permission-presets';

import { callOperation } from './call-operation';
import { useActionMutation } from './use-action-mutation';

function setPresets(
  queryClient: QueryClient,
  change: (presets: PermissionPresetDto[]) => PermissionPresetDto[],
) {
  queryClient.setQueryData<PermissionPresetDto[]>(presetKeys.list(), (presets) =>
    presets ? change(presets) : presets,
  );
}

export function useCreatePermissionPreset() {
  return useActionMutation({
    action: (input: CreatePermissionPresetInput) => callOperation('createPermissionPreset', input),
    success: (preset) => `Created preset ${preset.label}.`,
    failure: ({ label }) => `Could not create preset ${label.trim()}`,
    update: (queryClient, preset) => setPresets(queryClient, (presets) => [...presets, preset]),
  });
}

/** `label` only names the preset in the toasts. */
export function useDeletePermissionPreset() {
  return useActionMutation({
    action: ({ input }: { input: DeletePermissionPresetInput; label: string }) =>
      callOperation('deletePermissionPreset', input),
    success: (_none, { label }) =>
      `Deleted preset ${label}. Participants keep the permissions it gave them.`,
    failure: ({ label }) => `Could not delete preset ${label}`,
    update: (queryClient, _none, { input }) =>
      setPresets(queryClient, (presets) => presets.filter((p) => p.key !== input.key)),
  });
}
