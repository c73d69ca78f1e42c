import 'server-only';

import type { Actor, ActorSource } from '@/lib/domain/actor';

/** What a door knows about the request it is serving. */
export interface CallerRequest {
  /** The HTTP request (route handlers); absent for server actions, which read cookies themselves. */
  request?: Request;
  source: ActorSource;
  /** Whether `?api_key=` may carry an API key (only the portal endpoints take it there). */
  allowQueryKey?: boolean;
}

/**
 * One way of recognising a caller. `resolve` answers `null` when the request does not carry this
 * strategy's credentials (the next strategy is tried) and throws a DomainError when it carries them
 * but they are not acceptable (bad origin, revoked key…), so a bad credential never falls through
 * to a weaker one.
 */
export interface CallerStrategy {
  name: string;
  resolve(caller: CallerRequest): Promise<Actor | null>;
}
