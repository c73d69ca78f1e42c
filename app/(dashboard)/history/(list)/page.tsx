import type { Metadata } from 'next';

import { PageHeader } from '@/components/layout/page-header';
import { requireActor } from '@/lib/auth/session';
import { listRoomSessions } from '@/lib/domain/history/list-room-sessions';
import { runOperation } from '@/lib/domain/run-operation';
import {
  HISTORY_PAGE_SIZE,
  historyQueryFilters,
  parseHistoryFilters,
} from '@/lib/queries/history-filters';

import { HistoryExportLink } from '../_components/history-export-link';
import { HistoryFiltersForm } from '../_components/history-filters-form';
import { HistoryTable } from '../_components/history-table';

export const metadata: Metadata = { title: 'History' };

export default async function HistoryPage({ searchParams }: PageProps<'/history'>) {
  const actor = await requireActor();
  const filters = parseHistoryFilters(await searchParams);
  // listRoomSessions checks `rooms.read` and applies the tenant and room scope itself.
  const firstPage = await runOperation(listRoomSessions, actor, {
    ...historyQueryFilters(filters),
    limit: HISTORY_PAGE_SIZE,
  });

  return (
    <>
      <PageHeader
        title="History"
        description="Every room session, live and ended, with its participants: newest first."
        actions={<HistoryExportLink filters={filters} />}
      />
      <HistoryFiltersForm filters={filters} showTenant={actor.tenant === null} />
      <HistoryTable key={JSON.stringify(filters)} filters={filters} firstPage={firstPage} />
    </>
  );
}
