'use client';

import { ShieldIcon } from 'lucide-react';

import { Badge } from '@/components/ui/badge';
import { RelativeTime } from '@/components/ui/relative-time';
import { RetryErrorState } from '@/components/ui/retry-error-state';
import { TableSkeleton } from '@/components/ui/table-skeleton';
import { useQuery } from '@tanstack/react-query';
import { permissionPresetsQueryOptions } from '@/lib/queries/permission-presets';

import { DeletePresetButton } from './delete-preset-button';
import { presetSummary } from './preset-summary';
import { TABLE_HEAD_CLASS } from '@/components/ui/table-head-class';

/** Built-in presets, then the admins' (a deployment has a handful: a plain table). */
export function PresetsView() {
  const { data: presets, error, refetch, isFetching } = useQuery(permissionPresetsQueryOptions());

  if (presets === undefined && error) {
    return <RetryErrorState error={error} onRetry={() => void refetch()} isRetrying={isFetching} />;
  }
  if (presets === undefined) return <TableSkeleton label="Loading permission presets" />;

  return (
    <div className="bg-card overflow-x-auto rounded-lg border">
      <table className="w-full min-w-[48rem] text-left text-sm">
        <caption className="sr-only">Permission presets</caption>
        <thead className={TABLE_HEAD_CLASS}>
          <tr>
            {['Preset', 'Key', 'Allows', 'Visible to', 'Created'].map((h) => (
              <th key={h} scope="col" className="px-4 py-2.5">
                {h}
              </th>
            ))}
            <th scope="col" className="px-4 py-2.5 text-right">
              Actions
            </th>
          </tr>
        </thead>
        <tbody className="divide-y">
          {presets.map((preset) => (
            <tr key={preset.key}>
              <th scope="row" className="px-4 py-2 font-medium">
                <span className="flex items-center gap-2">
                  <ShieldIcon aria-hidden className="text-muted-foreground size-4" />
                  {preset.label}
                  {preset.builtIn ? <Badge tone="neutral">Built in</Badge> : null}
                </span>
                {preset.description ? (
                  <span className="text-muted-foreground block text-xs font-normal">
                    {preset.description}
                  </span>
                ) : null}
              </th>
              <td className="px-4 py-2 font-mono text-xs">{preset.key}</td>
              <td className="px-4 py-2 text-xs">{presetSummary(preset.permission)}</td>
              <td className="px-4 py-2">
                {preset.tenant ? `Tenant ${preset.tenant}` : 'Everyone'}
              </td>
              <td className="px-4 py-2 whitespace-nowrap">
                {preset.createdAtMs === null ? (
                  <span className="text-muted-foreground">—</span>
                ) : (
                  <>
                    <RelativeTime atMs={preset.createdAtMs} />
                    <span className="text-muted-foreground block text-xs">
                      by {preset.createdBy}
                    </span>
                  </>
                )}
              </td>
              <td className="px-4 py-2 text-right">
                {preset.builtIn ? null : <DeletePresetButton preset={preset} />}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
