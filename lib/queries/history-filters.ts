import {
  dayParam,
  filterSearchParams,
  firstParam,
  type SearchParamsRecord,
  withDayRange,
} from '@/lib/queries/url-filters';
import { HISTORY_STATUSES, type HistoryStatus } from '@/lib/schemas/history';

export const HISTORY_PAGE_SIZE = 50;

/** The History page's filters as they appear in the URL (dates are `YYYY-MM-DD`, UTC days). */
export interface HistoryFilters {
  q?: string;
  tenant?: string;
  status?: HistoryStatus;
  from?: string;
  to?: string;
}

/** Reads the filters from page search params, dropping anything malformed. */
export function parseHistoryFilters(searchParams: SearchParamsRecord): HistoryFilters {
  const filters: HistoryFilters = {};
  const q = firstParam(searchParams.q);
  if (q) filters.q = q;
  const tenant = firstParam(searchParams.tenant);
  if (tenant) filters.tenant = tenant;
  const status = firstParam(searchParams.status);
  if (status && (HISTORY_STATUSES as readonly string[]).includes(status)) {
    filters.status = status as HistoryStatus;
  }
  const from = dayParam(searchParams.from);
  if (from) filters.from = from;
  const to = dayParam(searchParams.to);
  if (to) filters.to = to;

  return filters;
}

export const historyQueryFilters = (filters: HistoryFilters) => withDayRange(filters);

/** Query string for `/api/v1/history/rooms` and `/api/v1/history/export`. */
export const historySearchParams = (
  filters: HistoryFilters,
  extra?: Record<string, string | undefined>,
): URLSearchParams => filterSearchParams(filters, extra);
