import { DownloadIcon } from 'lucide-react';

import { buttonClassName } from '@/components/ui/button';
import { historySearchParams, type HistoryFilters } from '@/lib/queries/history-filters';

/** A download of every session matching the filters (not only the loaded pages). */
export function HistoryExportLink({ filters }: { filters: HistoryFilters }) {
  return (
    <a
      href={`/api/v1/history/export?${historySearchParams(filters, { format: 'csv' })}`}
      download
      className={buttonClassName({ variant: 'secondary', size: 'sm' })}
    >
      <DownloadIcon aria-hidden />
      Export CSV
    </a>
  );
}
