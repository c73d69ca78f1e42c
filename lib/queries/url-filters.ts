/**
 * What the list pages with URL-kept filters (Audit, History) share: reading a search param,
 * `YYYY-MM-DD` day filters, and turning the filters into the REST query string.
 */
export type SearchParamsRecord = Record<string, string | string[] | undefined>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The first value of a search param, trimmed and bounded; undefined when blank. */
export function firstParam(value: string | string[] | undefined): string | undefined {
  const raw = Array.isArray(value) ? value[0] : value;
  const trimmed = raw?.trim();

  return trimmed ? trimmed.slice(0, 200) : undefined;
}

/** A `YYYY-MM-DD` day from a search param, or undefined when absent or malformed. */
export function dayParam(value: string | string[] | undefined): string | undefined {
  const day = firstParam(value);
  return day && DATE.test(day) ? day : undefined;
}

/**
 * Why a day range matches nothing when "From" is after "To" (the forms take either order), or
 * null. `YYYY-MM-DD` days compare as text.
 */
export function reversedDayRange(filters: { from?: string; to?: string }): string | null {
  if (!filters.from || !filters.to || filters.from <= filters.to) return null;
  return `“From” (${filters.from}) is after “To” (${filters.to}), so nothing can match: swap the dates.`;
}

/** Filters as the domain / REST API take them: whole UTC days become ISO instants. */
export function withDayRange<F extends { from?: string; to?: string }>(filters: F) {
  return {
    ...filters,
    from: filters.from ? `${filters.from}T00:00:00.000Z` : undefined,
    to: filters.to ? `${filters.to}T23:59:59.999Z` : undefined,
  };
}

/** The REST query string for filters (plus paging or format fields), blanks left out. */
export function filterSearchParams<F extends { from?: string; to?: string }>(
  filters: F,
  extra: Record<string, string | undefined> = {},
): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...withDayRange(filters), ...extra })) {
    if (typeof value === 'string' && value) params.set(key, value);
  }

  return params;
}
