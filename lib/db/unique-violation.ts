/** Whether a write failed on a unique index: better-sqlite3's SQLITE_CONSTRAINT_UNIQUE, pg's 23505. */
export function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === '23505';
}
