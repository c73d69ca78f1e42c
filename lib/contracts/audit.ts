/** Audit vocabularies shared by the store, the domain, the filters and the audit page. */

/**
 * `success` and `error` are outcomes LiveKit or the store reported; `denied` means the caller lacked
 * the permission and nothing was attempted. A write is recorded as `pending` before it is attempted
 * and settled afterwards; `unknown` marks an attempt whose outcome was never written (the server
 * stopped in between), found at the next start.
 */
export const AUDIT_OUTCOMES = ['success', 'denied', 'error', 'pending', 'unknown'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/** Which door an action came through. */
export const AUDIT_SOURCES = ['ui', 'api', 'embed', 'cli', 'system'] as const;
export type AuditSource = (typeof AUDIT_SOURCES)[number];

/** How the audit page names each source: acronyms stay capitals, words do not. */
export const AUDIT_SOURCE_LABELS: Record<AuditSource, string> = {
  ui: 'UI',
  api: 'API',
  embed: 'Embed',
  cli: 'CLI',
  system: 'System',
};

/**
 * The columns the audit log can be sorted by (`sort=<column>.<asc|desc>`, server-side, because the
 * log is paged on the server); `time.desc`, newest first, is the default.
 */
export const AUDIT_SORT_COLUMNS = [
  'time',
  'actor',
  'role',
  'tenant',
  'action',
  'target',
  'outcome',
  'source',
] as const;
export type AuditSortColumn = (typeof AUDIT_SORT_COLUMNS)[number];
export const AUDIT_SORTS = AUDIT_SORT_COLUMNS.flatMap((column) => [
  `${column}.asc` as const,
  `${column}.desc` as const,
]);
export type AuditSort = `${AuditSortColumn}.${'asc' | 'desc'}`;
export const DEFAULT_AUDIT_SORT: AuditSort = 'time.desc';

/** An action filter ending in `.*` names a family: `user.*` matches every `user.…` action. */
export const AUDIT_ACTION_FAMILY_SUFFIX = '.*';

/** The family filter of an action: `user.created` → `user.*`. */
export function auditActionFamily(action: string): string {
  const dot = action.indexOf('.');
  return `${dot > 0 ? action.slice(0, dot) : action}${AUDIT_ACTION_FAMILY_SUFFIX}`;
}
