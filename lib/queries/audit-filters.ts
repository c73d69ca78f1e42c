import {
  AUDIT_OUTCOMES,
  AUDIT_SOURCES,
  type AuditOutcome,
  type AuditSource,
} from '@/lib/contracts/audit';

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
const DATE = /^\d{4}-\d{2}-\d{2}$/;

type SearchParamsRecord = Record<string, string | string[] | undefined>;

function first(value: string | string[] | undefined): string | undefined {
  const raw = Array.isArray(value) ? value[0] : value;
  const trimmed = raw?.trim();

  return trimmed ? trimmed.slice(0, 200) : undefined;
}

/** Reads the filters from page search params, dropping anything malformed. */
export function parseAuditFilters(searchParams: SearchParamsRecord): AuditFilters {
  const filters: AuditFilters = {};
  for (const key of TEXT_KEYS) {
    const value = first(searchParams[key]);
    if (value) filters[key] = value;
  }
  const outcome = first(searchParams.outcome);
  if (outcome && (AUDIT_OUTCOMES as readonly string[]).includes(outcome)) {
    filters.outcome = outcome as AuditOutcome;
  }
  const source = first(searchParams.source);
  if (source && (AUDIT_SOURCES as readonly string[]).includes(source)) {
    filters.source = source as AuditSource;
  }
  const from = first(searchParams.from);
  if (from && DATE.test(from)) filters.from = from;
  const to = first(searchParams.to);
  if (to && DATE.test(to)) filters.to = to;

  return filters;
}

/** Filters as the domain / REST API take them: whole UTC days become ISO instants. */
export function auditQueryFilters(filters: AuditFilters) {
  return {
    ...filters,
    from: filters.from ? `${filters.from}T00:00:00.000Z` : undefined,
    to: filters.to ? `${filters.to}T23:59:59.999Z` : undefined,
  };
}

/** Query string for `/api/v1/audit` and `/api/v1/audit/export`. */
export function auditSearchParams(
  filters: AuditFilters,
  extra: Record<string, string | undefined> = {},
): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...auditQueryFilters(filters), ...extra })) {
    if (value) params.set(key, value);
  }

  return params;
}
