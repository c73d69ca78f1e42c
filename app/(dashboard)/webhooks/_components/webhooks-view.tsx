'use client';

import { RetryErrorState } from '@/components/ui/retry-error-state';
import { TableSkeleton } from '@/components/ui/table-skeleton';

import { DeliveriesTable } from './deliveries-table';
import { useWebhookHealth } from './use-webhook-health';
import { WebhookSetup } from './webhook-setup';
import { WebhookStatusCard } from './webhook-status-card';

export function WebhooksView({ receiverUrl, apiKey }: { receiverUrl: string; apiKey: string }) {
  const { data: health, error, refetch, isFetching } = useWebhookHealth();

  return (
    <div className="flex flex-col gap-6">
      {health === undefined && error ? (
        <RetryErrorState error={error} onRetry={() => void refetch()} isRetrying={isFetching} />
      ) : health === undefined ? (
        <TableSkeleton label="Loading webhook health" />
      ) : (
        <>
          <WebhookStatusCard health={health} />
          <section aria-labelledby="deliveries-heading" className="flex flex-col gap-3">
            <h2 id="deliveries-heading" className="text-lg font-semibold">
              Recent deliveries
            </h2>
            <DeliveriesTable deliveries={health.deliveries} scope={health.scope} />
          </section>
        </>
      )}
      <WebhookSetup
        receiverUrl={receiverUrl}
        apiKey={apiKey}
        dedicatedPort={health?.dedicatedPort ?? null}
      />
    </div>
  );
}
