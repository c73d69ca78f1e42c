import { CalendarX2Icon } from 'lucide-react';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';

import { PageHeader } from '@/components/layout/page-header';
import { EmptyState } from '@/components/ui/empty-state';
import { requireActor } from '@/lib/auth/session';
import { type Actor, actorCan } from '@/lib/domain/actor';
import { knownAuditActions } from '@/lib/domain/audit/audit-actions';
import { listAuditEvents } from '@/lib/domain/audit/list-audit-events';
import { DomainError } from '@/lib/domain/errors';
import { runOperation } from '@/lib/domain/run-operation';
import type { AuditPage } from '@/lib/queries/audit';
import {
  AUDIT_PAGE_SIZE,
  auditQueryFilters,
  parseAuditFilters,
  type AuditFilters,
} from '@/lib/queries/audit-filters';

import { AuditExportLinks } from './_components/audit-export-links';
import { AuditFiltersForm } from './_components/audit-filters-form';
import { AuditTable } from './_components/audit-table';

export const metadata: Metadata = { title: 'Audit log' };

/**
 * The first page, or why the filters cannot match anything (From after To): the domain refuses
 * them as it would over the API, and the page says so in its words instead of failing.
 */
async function firstPageOrProblem(
  actor: Actor,
  filters: AuditFilters,
): Promise<{ page: AuditPage; problem?: never } | { page?: never; problem: string }> {
  try {
    const page = await runOperation(listAuditEvents, actor, {
      ...auditQueryFilters(filters),
      limit: AUDIT_PAGE_SIZE,
    });
    return { page };
  } catch (error) {
    if (error instanceof DomainError && error.code === 'invalid_input') {
      return { problem: error.message };
    }
    throw error;
  }
}

export default async function AuditPage({ searchParams }: PageProps<'/audit'>) {
  const actor = await requireActor();
  // Hiding the page is UX; listAuditEvents enforces `audit.read` itself.
  if (!actorCan(actor, 'audit.read')) notFound();
  const filters = parseAuditFilters(await searchParams);
  const { page, problem } = await firstPageOrProblem(actor, filters);

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every sign-in and moderation action, newest first unless you sort it. An action is recorded before it is attempted."
        actions={page ? <AuditExportLinks filters={filters} /> : null}
      />
      <AuditFiltersForm filters={filters} actions={knownAuditActions()} />
      {page ? (
        <AuditTable key={JSON.stringify(filters)} filters={filters} firstPage={page} />
      ) : (
        <EmptyState
          role="alert"
          icon={<CalendarX2Icon aria-hidden />}
          title="These filters cannot match anything"
          className="bg-card rounded-lg border"
        >
          {problem}
        </EmptyState>
      )}
    </>
  );
}
