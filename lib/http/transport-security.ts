import { authEnv } from '@/lib/auth/auth-env';

/** One year; browsers keep answering over HTTPS only for this long after the last response. */
const HSTS = 'max-age=31536000';

export interface TransportConfig {
  /** NEXTAUTH_URL: the dashboard's public address. */
  publicUrl?: string;
  /** An operator declared proxies in front (TRUSTED_PROXY_HOPS / TRUSTED_PROXIES). */
  behindTrustedProxy: boolean;
}

function transportConfig(): TransportConfig {
  const { hops, proxies } = authEnv().trustedProxies;
  return {
    publicUrl: process.env.NEXTAUTH_URL,
    behindTrustedProxy: hops > 0 || proxies.length > 0,
  };
}

/**
 * The Strict-Transport-Security value when the dashboard is served over HTTPS, else null.
 * HTTPS is known from the public address, or from `x-forwarded-proto: https` when a
 * TLS-terminating proxy is declared in front — without one, that header is only what the client
 * wrote. No `includeSubDomains`: other services on sibling hosts are not ours to force onto HTTPS.
 */
export function strictTransportSecurity(
  headers: Headers,
  config: TransportConfig = transportConfig(),
): string | null {
  if (config.publicUrl?.trim().toLowerCase().startsWith('https://')) return HSTS;
  if (!config.behindTrustedProxy) return null;
  // Each proxy appends what it saw: the first entry is how the client connected.
  const proto = headers.get('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  return proto === 'https' ? HSTS : null;
}
