export interface AttributeRow {
  key: string;
  value: string;
}

/**
 * What to send for the attribute editor's rows: new and changed keys with their value, removed keys
 * with "" (LiveKit merges attributes and deletes a key whose value is empty). Null = no change.
 */
export function attributeChanges(
  current: Record<string, string>,
  rows: AttributeRow[],
): Record<string, string> | null {
  const changes: Record<string, string> = {};
  const kept = new Set<string>();
  for (const { key, value } of rows) {
    const k = key.trim();
    if (!k) continue;
    kept.add(k);
    if (current[k] !== value) changes[k] = value;
  }
  for (const k of Object.keys(current)) if (!kept.has(k)) changes[k] = '';

  return Object.keys(changes).length > 0 ? changes : null;
}

/** Why the rows cannot be saved (empty or repeated keys), or null. */
export function attributeRowsProblem(rows: AttributeRow[]): string | null {
  const seen = new Set<string>();
  for (const { key, value } of rows) {
    const k = key.trim();
    if (!k && value) return 'Every attribute needs a key';
    if (!k) continue;
    if (seen.has(k)) return `The key “${k}” appears twice`;
    seen.add(k);
  }

  return null;
}
