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
