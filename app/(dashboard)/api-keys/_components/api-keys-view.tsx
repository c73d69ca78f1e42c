'use client';

import { KeyRoundIcon } from 'lucide-react';

import { EmptyState } from '@/components/ui/empty-state';
import { RetryErrorState } from '@/components/ui/retry-error-state';
import { TableSkeleton } from '@/components/ui/table-skeleton';
import { useApiKeys } from '@/lib/queries/api-keys';

import { ApiKeysTable } from './api-keys-table';

export function ApiKeysView() {
  const { data: keys, error, refetch, isFetching } = useApiKeys();

  if (keys === undefined && error) {
    return <RetryErrorState error={error} onRetry={() => void refetch()} isRetrying={isFetching} />;
  }
  if (keys === undefined) return <TableSkeleton label="Loading API keys" />;
  if (keys.length === 0) {
    return (
      <EmptyState
        icon={<KeyRoundIcon aria-hidden />}
        title="No API keys yet"
        className="bg-card rounded-lg border"
      >
        Create one above, or with <code>npm run apikey -- create</code>.
      </EmptyState>
    );
  }
  return <ApiKeysTable apiKeys={keys} />;
}
