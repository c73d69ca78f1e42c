import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';

import { EmbedFrame } from '@/components/embed/embed-frame';
import { findLiveEmbedPortal } from '@/lib/embed/embed-portal';
import { env } from '@/lib/env';

/**
 * Chromeless pages for portals' iframes (docs/embedding.md): no navigation, no sign-in page. The
 * proxy lets them be framed by the portal's allowed origins only (lib/http/csp.ts); the frame
 * below gets its session from the host page, never from a cookie.
 */
export default async function EmbedLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ portalId: string }>;
}) {
  const { portalId } = await params;
  const portal = await findLiveEmbedPortal(portalId);
  if (!portal) notFound();

  return (
    <EmbedFrame
      portalId={portal.id}
      allowedOrigins={portal.allowedOrigins}
      refreshMs={env().MODERATO_REFRESH_MS}
    >
      {children}
    </EmbedFrame>
  );
}
