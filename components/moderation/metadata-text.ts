import { byteLength, METADATA_LIMIT_BYTES } from '@/lib/schemas/rooms';

/** Text that starts like JSON is checked as JSON; anything else is plain text. */
export function looksLikeJson(text: string): boolean {
  const first = text.trimStart()[0];

  return first === '{' || first === '[';
}

export function jsonError(text: string): string | null {
  try {
    JSON.parse(text);
    return null;
  } catch (err) {
    return err instanceof Error ? err.message : 'Invalid JSON';
  }
}

/** Why metadata text cannot be saved, or null. Used by the forms' schemas and the editor. */
export function metadataProblem(text: string): string | null {
  if (byteLength(text) > METADATA_LIMIT_BYTES) return 'Metadata is at most 512 KiB';
  if (looksLikeJson(text) && jsonError(text) !== null)
    return 'This looks like JSON but is not valid JSON';

  return null;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;

  return `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KiB`;
}
