/**
 * React's reply format gives strings that start with `$` a meaning: references to other parts of a
 * multipart body, promises, temporary references, BigInts, dates, FormData… A client encoding the
 * plain data our one action takes writes only these, plus `$$…` for a string that starts with `$`.
 */
const PLAIN_MARKERS = new Set(['$undefined', '$NaN', '$Infinity', '$-Infinity', '$-0']);

/** Far deeper than any operation input; deep enough nesting overflows React's recursive reviver. */
const MAX_DEPTH = 32;

/**
 * Whether a server action's text body is what React's client sends for plain-data arguments: a
 * JSON array of JSON values whose `$`-strings are escapes or the markers above. Anything else makes
 * React's decoder throw (a bad BigInt, a stack overflow) or wait for a part that never comes, which
 * Next answers with a 500 and a logged stack.
 */
export function isPlainActionArguments(text: string): boolean {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return false;
  }
  return Array.isArray(value) && isPlain(value, 0);
}

function isPlain(value: unknown, depth: number): boolean {
  if (typeof value === 'string') {
    return !value.startsWith('$') || value.startsWith('$$') || PLAIN_MARKERS.has(value);
  }
  if (value === null || typeof value !== 'object') return true;
  if (depth >= MAX_DEPTH) return false;
  const children = Array.isArray(value) ? value : Object.values(value);
  return children.every((child) => isPlain(child, depth + 1));
}
