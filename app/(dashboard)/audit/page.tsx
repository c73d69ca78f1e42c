import type { Metadata } from 'next';
import { notFound } from 'next/navigation';

import { PageHeader } from '@/components/layout/page-header';
import { requireActor } from '@/lib/auth/session';
import { actorCan } from '@/lib/domain/actor';
import { listAuditEvents } from '@/lib/domain/audit/list-audit-events';
import { runOperation } from '@/lib/domain/run-operation';
import { AUDIT_PAGE_SIZE, auditQueryFilters, parseAuditFilters } from '@/lib/queries/audit-filters';

import { AuditExportLinks } from './_components/audit-export-links';
import { AuditFiltersForm } from './_components/audit-filters-form';
import { AuditTable } from './_components/audit-table';

export const metadata: Metadata = { title: 'Audit log' };

export default async function AuditPage({ searchParams }: PageProps<'/audit'>) {
  const actor = await requireActor();
  // Hiding the page is UX; listAuditEvents enforces `audit.read` itself.
  if (!actorCan(actor, 'audit.read')) notFound();
  const filters = parseAuditFilters(await searchParams);
  const firstPage = await runOperation(listAuditEvents, actor, {
    ...auditQueryFilters(filters),
    limit: AUDIT_PAGE_SIZE,
  });

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every sign-in and moderation action, newest first. An action is recorded before it is attempted."
        actions={<AuditExportLinks filters={filters} />}
      />
      <AuditFiltersForm filters={filters} />
      <AuditTable key={JSON.stringify(filters)} filters={filters} firstPage={firstPage} />
    </>
  );
}
