import 'server-only';

import type { Actor } from '@/lib/domain/actor';

import { apiKeyCaller } from './api-key-caller';
import { sessionCaller } from './session-caller';
import type { CallerRequest, CallerStrategy } from './types';

/**
 * The strategies every door tries, in order. API keys and embed tokens slot in here; no operation
 * changes when a new kind of caller is added. A key comes first: a request that sends one is
 * decided by it, whatever cookies it also carries.
 */
export const CALLER_STRATEGIES: readonly CallerStrategy[] = [apiKeyCaller, sessionCaller];

/** The actor behind a request, or null when it carries no credentials any strategy accepts. */
export async function resolveCaller(caller: CallerRequest): Promise<Actor | null> {
  for (const strategy of CALLER_STRATEGIES) {
    const actor = await strategy.resolve(caller);
    if (actor) return actor;
  }
  return null;
}
