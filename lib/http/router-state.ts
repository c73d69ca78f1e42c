import { parseAndValidateFlightRouterState } from 'next/dist/server/app-render/parse-and-validate-flight-router-state';

/** The client router's record of the page it shows, sent with its RSC requests. */
export const ROUTER_STATE_HEADER = 'next-router-state-tree';

/**
 * Whether Next can read a router-state header; one it cannot makes it throw while rendering, a 500
 * with a stack trace. The test is Next's own function, so it accepts exactly what Next's client
 * router sends.
 */
export function isValidRouterState(value: string | string[]): boolean {
  try {
    parseAndValidateFlightRouterState(value);
    return true;
  } catch {
    return false;
  }
}
