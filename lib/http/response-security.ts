import { contentSecurityPolicy, createNonce } from './csp';
import { embedFrameAncestors } from './embed-framing';
import { strictTransportSecurity } from './transport-security';
import { watchConnectSources } from './watch-connect-sources';

/**
 * The Content Security Policy of a response to `pathname`, with a fresh nonce: who may frame it
 * (lib/http/embed-framing.ts) and what it may connect to (lib/http/watch-connect-sources.ts).
 */
export async function policyFor(pathname: string): Promise<string> {
  return contentSecurityPolicy(
    createNonce(),
    await embedFrameAncestors(pathname),
    watchConnectSources(pathname),
  );
}

/**
 * The headers proxy.ts puts on every response it lets through or answers: the policy (a default
 * one for refusals), and Strict-Transport-Security when served over HTTPS.
 */
export function securityHeaders(
  requestHeaders: Headers,
  policy: string = contentSecurityPolicy(createNonce()),
): Record<string, string> {
  const hsts = strictTransportSecurity(requestHeaders);
  return {
    'content-security-policy': policy,
    ...(hsts ? { 'strict-transport-security': hsts } : {}),
  };
}
