import type { SortingState } from '@tanstack/react-table';

/**
 * A table's sort in a URL or a query: `<column id>.<asc|desc>`, e.g. `created.desc`. The list pages
 * keep it in their URL (list-url-state.ts), and the audit log's server-side `sort` takes the same.
 */

/** `created.desc` → `[{ id: 'created', desc: true }]`; nothing or garbage → no sort. */
export function parseSortParam(value: string | null | undefined): SortingState {
  const match = /^([\w-]+)\.(asc|desc)$/.exec(value ?? '');
  return match ? [{ id: match[1]!, desc: match[2] === 'desc' }] : [];
}

/** `[{ id: 'created', desc: true }]` → `created.desc`; no sort → undefined. */
export function formatSortParam(sorting: SortingState): string | undefined {
  const [sort] = sorting;
  return sort ? `${sort.id}.${sort.desc ? 'desc' : 'asc'}` : undefined;
}
