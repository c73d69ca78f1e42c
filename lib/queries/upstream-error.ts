import type { ErrorCode } from '@/lib/contracts/errors';

/** A domain error safe to show in the browser (code + the domain's own message). */
export interface InitialError {
  code: string;
  message: string;
}

/** The codes that mean LiveKit (not the request) is the problem: pages render them inline. */
export const UPSTREAM_CODES: readonly ErrorCode[] = [
  'upstream_unavailable',
  'upstream_misconfigured',
];

export function errorTitle(code: string): string {
  if (code === 'upstream_unavailable') return 'LiveKit is unreachable';
  if (code === 'upstream_misconfigured') return 'LiveKit refused the request';
  if (code === 'forbidden') return 'Not allowed';

  return 'Could not load data';
}
