'use client';

import { AppWindowIcon } from 'lucide-react';

import { EmptyState } from '@/components/ui/empty-state';
import { RetryErrorState } from '@/components/ui/retry-error-state';
import { TableSkeleton } from '@/components/ui/table-skeleton';
import { useEmbedPortals } from '@/lib/queries/embed-portals';

import { PortalsTable } from './portals-table';

export function PortalsView() {
  const { data: portals, error, refetch, isFetching } = useEmbedPortals();

  if (portals === undefined && error) {
    return <RetryErrorState error={error} onRetry={() => void refetch()} isRetrying={isFetching} />;
  }
  if (portals === undefined) return <TableSkeleton label="Loading embedding portals" />;
  if (portals.length === 0) {
    return (
      <EmptyState
        icon={<AppWindowIcon aria-hidden />}
        title="No portals yet"
        className="bg-card rounded-lg border"
      >
        Add the product that embeds room views with “New portal” above.
      </EmptyState>
    );
  }
  return <PortalsTable portals={portals} />;
}
