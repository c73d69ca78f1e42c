import { embedAuthHeaders } from './embed-credentials';
import { takeEarlyRead } from './embed-boot';
import { ApiError, readJson } from './read-json';

export { ApiError, isApiError } from './read-json';

/**
 * Fetches one of our own `/api/v1` routes and returns the parsed JSON, or throws `ApiError`. A
 * read the embed boot script already started for this path is used instead of a second request.
 */
export function fetchJson<T>(path: string, init?: RequestInit): Promise<T> {
  const early = init?.method === undefined ? takeEarlyRead(path) : null;
  return readJson<T>(
    early ??
      fetch(path, {
        ...init,
        // Embedded pages authenticate with their in-memory embed session, the dashboard by cookie.
        headers: { accept: 'application/json', ...embedAuthHeaders(), ...init?.headers },
        cache: 'no-store',
      }),
  );
}

declare module '@tanstack/react-query' {
  interface Register {
    // Every query goes through fetchJson, so errors are ApiErrors.
    defaultError: ApiError;
  }
}
