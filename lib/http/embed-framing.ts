import 'server-only';

import { findLiveEmbedPortal } from '@/lib/embed/embed-portal';

const EMBED_PAGE = /^\/embed\/([^/]+)(?:\/|$)/;

/**
 * Who may frame a page (CSP `frame-ancestors`): our own pages only, except /embed/{portalId}/…,
 * which the portal's allowed origins may frame — and nobody when the portal is unknown or
 * revoked. Read per request, so a revocation or an edited allow-list holds at once.
 */
export async function embedFrameAncestors(pathname: string): Promise<string[]> {
  const match = EMBED_PAGE.exec(pathname);
  if (!match) return ["'self'"];
  let portalId: string;
  try {
    portalId = decodeURIComponent(match[1]!);
  } catch {
    return [];
  }
  try {
    return (await findLiveEmbedPortal(portalId))?.allowedOrigins ?? [];
  } catch (err) {
    // The store is down: refuse framing rather than fall back to a wider policy.
    console.warn(`[moderato] embed: could not read portal ${portalId}: ${String(err)}`);
    return [];
  }
}
