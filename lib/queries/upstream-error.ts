/** A domain error safe to show in the browser (code + the domain's own message). */
export interface InitialError {
  code: string;
  message: string;
}

export const UPSTREAM_CODES: readonly string[] = ['upstream_unavailable', 'upstream_misconfigured'];

export function errorTitle(code: string): string {
  if (code === 'upstream_unavailable') return 'LiveKit is unreachable';
  if (code === 'upstream_misconfigured') return 'LiveKit refused the request';
  if (code === 'forbidden') return 'Not allowed';

  return 'Could not load data';
}
