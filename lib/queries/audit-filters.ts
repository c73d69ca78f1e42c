import type { SortingState } from '@tanstack/react-table';

import {
  AUDIT_OUTCOMES,
  AUDIT_SORTS,
  AUDIT_SOURCES,
  type AuditOutcome,
  type AuditSort,
  type AuditSource,
  DEFAULT_AUDIT_SORT,
} from '@/lib/contracts/audit';
import { formatSortParam, parseSortParam } from '@/lib/queries/sort-param';
import {
  dayParam,
  filterSearchParams,
  firstParam,
  type SearchParamsRecord,
  withDayRange,
} from '@/lib/queries/url-filters';

export const AUDIT_PAGE_SIZE = 50;

/** The audit page's filters and sort as they appear in the URL (dates are `YYYY-MM-DD`). */
export interface AuditFilters {
  /** Part of a username. */
  actor?: string;
  /** An action, or a family such as `user.*`. */
  action?: string;
  roomName?: string;
  identity?: string;
  outcome?: AuditOutcome;
  source?: AuditSource;
  from?: string;
  to?: string;
  /** Absent = the default, newest first. The log is paged on the server, so it sorts there too. */
  sort?: AuditSort;
}

const TEXT_KEYS = ['actor', 'action', 'roomName', 'identity'] as const;

/** Reads the filters from page search params, dropping anything malformed. */
export function parseAuditFilters(searchParams: SearchParamsRecord): AuditFilters {
  const filters: AuditFilters = {};
  for (const key of TEXT_KEYS) {
    const value = firstParam(searchParams[key]);
    if (value) filters[key] = value;
  }
  const outcome = firstParam(searchParams.outcome);
  if (outcome && (AUDIT_OUTCOMES as readonly string[]).includes(outcome)) {
    filters.outcome = outcome as AuditOutcome;
  }
  const source = firstParam(searchParams.source);
  if (source && (AUDIT_SOURCES as readonly string[]).includes(source)) {
    filters.source = source as AuditSource;
  }
  const from = dayParam(searchParams.from);
  if (from) filters.from = from;
  const to = dayParam(searchParams.to);
  if (to) filters.to = to;
  const sort = firstParam(searchParams.sort);
  if (sort && sort !== DEFAULT_AUDIT_SORT && (AUDIT_SORTS as readonly string[]).includes(sort)) {
    filters.sort = sort as AuditSort;
  }

  return filters;
}

export const auditQueryFilters = (filters: AuditFilters) => withDayRange(filters);

/** Query string for `/api/v1/audit` and `/api/v1/audit/export`. */
export const auditSearchParams = (
  filters: AuditFilters,
  extra?: Record<string, string | undefined>,
): URLSearchParams => filterSearchParams(filters, extra);

/** The sort as the table shows it: the default (newest first) when the URL names none. */
export function auditSorting(filters: AuditFilters): SortingState {
  return parseSortParam(filters.sort ?? DEFAULT_AUDIT_SORT);
}

/** The filters with the table's new sort (left out of the URL when it is the default). */
export function withAuditSorting(filters: AuditFilters, sorting: SortingState): AuditFilters {
  const sort = formatSortParam(sorting);
  const { sort: _old, ...rest } = filters;
  return sort && sort !== DEFAULT_AUDIT_SORT && (AUDIT_SORTS as readonly string[]).includes(sort)
    ? { ...rest, sort: sort as AuditSort }
    : rest;
}

/** The audit page's own URL for these filters (days stay days; blanks left out). */
export function auditPageHref(filters: AuditFilters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (typeof value === 'string' && value) params.set(key, value);
  }
  const query = params.toString();
  return query ? `/audit?${query}` : '/audit';
}
