import {
  AUDIT_OUTCOMES,
  AUDIT_SOURCES,
  type AuditOutcome,
  type AuditSource,
} from '@/lib/contracts/audit';
import {
  dayParam,
  filterSearchParams,
  firstParam,
  type SearchParamsRecord,
  withDayRange,
} from '@/lib/queries/url-filters';

export const AUDIT_PAGE_SIZE = 50;

/** The audit page's filters as they appear in the URL (dates are `YYYY-MM-DD`). */
export interface AuditFilters {
  actor?: string;
  action?: string;
  roomName?: string;
  identity?: string;
  outcome?: AuditOutcome;
  source?: AuditSource;
  from?: string;
  to?: string;
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

  return filters;
}

export const auditQueryFilters = (filters: AuditFilters) => withDayRange(filters);

/** Query string for `/api/v1/audit` and `/api/v1/audit/export`. */
export const auditSearchParams = (
  filters: AuditFilters,
  extra?: Record<string, string | undefined>,
): URLSearchParams => filterSearchParams(filters, extra);
