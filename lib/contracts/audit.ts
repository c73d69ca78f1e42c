/** Audit vocabularies shared by the store, the domain, the filters and the audit page. */

/**
 * `success` and `error` are outcomes LiveKit or the store reported; `denied` means the caller lacked
 * the permission and nothing was attempted.
 */
export const AUDIT_OUTCOMES = ['success', 'denied', 'error'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/** Which door an action came through. */
export const AUDIT_SOURCES = ['ui', 'api', 'embed', 'cli', 'system'] as const;
export type AuditSource = (typeof AUDIT_SOURCES)[number];
