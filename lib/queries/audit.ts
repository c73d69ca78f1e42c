'use client';

import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';

import type { AuditEventDto } from '@/lib/contracts/dto';
import { AUDIT_PAGE_SIZE, auditSearchParams, type AuditFilters } from '@/lib/queries/audit-filters';
import { fetchJson } from '@/lib/queries/fetch-json';
import { auditKeys } from '@/lib/queries/keys';

export interface AuditPage {
  events: AuditEventDto[];
  nextCursor: string | null;
}

export function auditQueryOptions(filters: AuditFilters) {
  return infiniteQueryOptions({
    queryKey: auditKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      fetchJson<AuditPage>(
        `/api/v1/audit?${auditSearchParams(filters, {
          cursor: pageParam ?? undefined,
          limit: String(AUDIT_PAGE_SIZE),
        })}`,
        { signal },
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
    // History, not live state: no polling. The first page comes from the server render, and
    // dropping the cache on unmount makes a revisit start from that fresh page again.
    staleTime: Infinity,
    gcTime: 0,
  });
}

export function useAuditEvents(filters: AuditFilters, firstPage: AuditPage) {
  return useInfiniteQuery({
    ...auditQueryOptions(filters),
    initialData: { pages: [firstPage], pageParams: [null] },
  });
}
