import 'server-only';

import type { Actor } from '@/lib/domain/actor';

import { apiKeyCaller } from './api-key-caller';
import { embedCaller } from './embed-caller';
import { sessionCaller } from './session-caller';
import type { CallerRequest, CallerStrategy } from './types';

/**
 * The strategies every door tries, in order; no operation changes when a new kind of caller is
 * added. Credentials in a header come first: a request that sends an embed session or an API key
 * is decided by it, whatever cookies it also carries. The two use different `Authorization`
 * schemes (`Embed`, `Bearer`), so at most one of them claims a request.
 */
export const CALLER_STRATEGIES: readonly CallerStrategy[] = [
  embedCaller,
  apiKeyCaller,
  sessionCaller,
];

/** The actor behind a request, or null when it carries no credentials any strategy accepts. */
export async function resolveCaller(caller: CallerRequest): Promise<Actor | null> {
  for (const strategy of CALLER_STRATEGIES) {
    const actor = await strategy.resolve(caller);
    if (actor) return actor;
  }
  return null;
}
