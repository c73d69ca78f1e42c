import 'server-only';

import { headers } from 'next/headers';

import { authEnv } from './auth-env';
import { clientAddress, UNKNOWN_CLIENT } from './client-address';

export interface SessionRequestInfo {
  userAgent: string | null;
  ip: string | null;
}

/**
 * Who is signing in, from the request next-auth is serving; nothing outside a request. The address
 * is the one sign-in throttling uses (the TCP peer, or the client a trusted proxy names), so what an
 * admin sees is not whatever a client wrote into X-Forwarded-For. Shown to recognise a session,
 * never used for a decision.
 */
export async function sessionRequestInfo(): Promise<SessionRequestInfo> {
  try {
    const h = await headers();
    const address = clientAddress(Object.fromEntries(h.entries()), authEnv().trustedProxies);
    return { userAgent: h.get('user-agent'), ip: address === UNKNOWN_CLIENT ? null : address };
  } catch {
    return { userAgent: null, ip: null };
  }
}
