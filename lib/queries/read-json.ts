/** An error answer of our REST API: `{ error: { code, message } }` with its HTTP status. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
  }
}

export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

function parseErrorBody(body: unknown): { code: string; message: string } | null {
  if (typeof body !== 'object' || body === null || !('error' in body)) return null;
  const error = (body as { error: unknown }).error;
  if (typeof error !== 'object' || error === null) return null;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code !== 'string') return null;

  return { code, message: typeof message === 'string' ? message : 'Request failed.' };
}

/**
 * The parsed JSON of one of our own answers, or `ApiError`: its error body, or `network_error`
 * when the request never got an answer.
 */
export async function readJson<T>(pending: Promise<Response>): Promise<T> {
  let response: Response;
  try {
    response = await pending;
  } catch {
    throw new ApiError(0, 'network_error', 'The dashboard server could not be reached.');
  }

  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const parsed = parseErrorBody(body);
    throw new ApiError(
      response.status,
      parsed?.code ?? 'internal',
      parsed?.message ?? `Request failed with status ${response.status}.`,
    );
  }

  return body as T;
}
