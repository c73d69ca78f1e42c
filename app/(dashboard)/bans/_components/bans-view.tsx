'use client';

import { BanIcon } from 'lucide-react';

import { EmptyState } from '@/components/ui/empty-state';
import { RetryErrorState } from '@/components/ui/retry-error-state';
import { TableSkeleton } from '@/components/ui/table-skeleton';
import { useBans } from '@/lib/queries/bans';

import { BansTable } from './bans-table';

export function BansView() {
  const { data: bans, error, refetch, isFetching } = useBans();

  if (bans === undefined && error) {
    return <RetryErrorState error={error} onRetry={() => void refetch()} isRetrying={isFetching} />;
  }
  if (bans === undefined) return <TableSkeleton label="Loading bans" />;
  if (bans.length === 0) {
    return (
      <EmptyState
        icon={<BanIcon aria-hidden />}
        title="No bans"
        className="bg-card rounded-lg border"
      >
        Ban a participant with “Remove and ban” in their actions menu on a room’s page.
      </EmptyState>
    );
  }
  return <BansTable bans={bans} />;
}
