import { DownloadIcon } from 'lucide-react';

import { buttonClassName } from '@/components/ui/button';
import { auditSearchParams, type AuditFilters } from '@/lib/queries/audit-filters';

/** Downloads of the whole filtered log (not only the loaded pages). */
export function AuditExportLinks({ filters }: { filters: AuditFilters }) {
  const href = (format: 'csv' | 'json') =>
    `/api/v1/audit/export?${auditSearchParams(filters, { format })}`;

  return (
    <>
      <a
        href={href('csv')}
        download
        className={buttonClassName({ variant: 'secondary', size: 'sm' })}
      >
        <DownloadIcon aria-hidden />
        Export CSV
      </a>
      <a
        href={href('json')}
        download
        className={buttonClassName({ variant: 'secondary', size: 'sm' })}
      >
        <DownloadIcon aria-hidden />
        Export JSON
      </a>
    </>
  );
}
