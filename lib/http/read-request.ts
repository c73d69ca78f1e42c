import 'server-only';

import { DomainError } from '@/lib/domain/errors';

/**
 * The largest JSON body /api/v1 reads. LiveKit's largest field is 512 KiB of metadata
 * (docs/livekit-behaviour.md §3); JSON escaping can at most double-and-a-bit it.
 */
export const MAX_BODY_BYTES = 1_200_000;

/** Path segments after the prefix, percent-decoded; a malformed escape is bad input, not a 500. */
export function pathSegments(request: Request, prefix: string): string[] {
  const { pathname } = new URL(request.url);
  return pathname
    .slice(prefix.length)
    .split('/')
    .filter((s) => s !== '')
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        throw new DomainError('invalid_input', 'The URL path has a malformed %-escape.');
      }
    });
}

/** Query string → plain object; a repeated key is ambiguous and refused. */
export function queryObject(request: Request): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [key, value] of new URL(request.url).searchParams) {
    if (Object.hasOwn(query, key)) {
      throw new DomainError('invalid_input', `Query parameter “${key}” is given twice.`);
    }
    query[key] = value;
  }
  return query;
}

/**
 * The JSON object in the body. An empty body is `{}` (DELETE, or a POST without options); anything
 * else must be `application/json`, at most MAX_BODY_BYTES, and a JSON object.
 */
export async function jsonBody(request: Request): Promise<Record<string, unknown>> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  return parseJsonBody(await readLimited(request), request.headers.get('content-type'));
}

/**
 * jsonBody's checks on a body already read (at most MAX_BODY_BYTES of it; `truncated`: there was
 * more), for listeners that read it from a Node request themselves.
 */
export function jsonBodyOf(
  bytes: Uint8Array,
  contentType: string | null,
  truncated = false,
): Record<string, unknown> {
  if (truncated || bytes.byteLength > MAX_BODY_BYTES) throw tooLarge();
  return parseJsonBody(decodeUtf8(bytes), contentType);
}

function parseJsonBody(text: string, contentType: string | null): Record<string, unknown> {
  if (text.trim() === '') return {};
  const type = contentType ?? '';
  if (!/^application\/(.+\+)?json\b/i.test(type)) {
    throw new DomainError('unsupported_media_type', 'Send the body as application/json.');
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new DomainError('invalid_input', 'The body is not valid JSON.');
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new DomainError('invalid_input', 'The body must be a JSON object.');
  }
  return value as Record<string, unknown>;
}

async function readLimited(request: Request): Promise<string> {
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return decodeUtf8(Buffer.concat(chunks));
}

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new DomainError('invalid_input', 'The body is not valid UTF-8.');
  }
}

function tooLarge(): DomainError {
  return new DomainError(
    'payload_too_large',
    `The body is larger than ${MAX_BODY_BYTES.toLocaleString('en')} bytes.`,
  );
}
