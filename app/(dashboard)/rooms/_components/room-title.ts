/** Keys apps commonly put a room's human title under in its JSON metadata, in order of preference. */
const TITLE_KEYS = ['title', 'name'] as const;

/**
 * The human title in a room's metadata, when it is a JSON object with a non-empty string `title`
 * (or else `name`); null for anything else (plain text, other JSON, no metadata).
 */
export function roomTitle(metadata: string): string | null {
  if (!metadata.trimStart().startsWith('{')) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(metadata);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
  for (const key of TITLE_KEYS) {
    const value = (parsed as Record<string, unknown>)[key];
    if (typeof value === 'string' && value.trim()) return value.trim();
  }
  return null;
}
