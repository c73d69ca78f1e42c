import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';

import { EmbedFrame } from '@/components/embed/embed-frame';
import { PATH_HEADER } from '@/lib/auth/path-header';
import { embedBootScript } from '@/lib/embed/embed-boot-script';
import { findLiveEmbedPortal } from '@/lib/embed/embed-portal';
import { env } from '@/lib/env';
import { nonceOf } from '@/lib/http/csp';
import { embedFirstReads } from '@/lib/queries/embed-first-reads';

/**
 * Chromeless pages for portals' iframes (docs/embedding.md): no navigation, no sign-in page. The
 * proxy lets them be framed by the portal's allowed origins only (lib/http/csp.ts); the frame
 * below gets its session from the host page, never from a cookie. The boot script asks the host
 * for it before React has loaded (lib/embed/embed-boot-script.ts).
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
  const requestHeaders = await headers();
  const path = requestHeaders.get(PATH_HEADER)?.split('?')[0] ?? '';
  const boot = embedBootScript({
    allowedOrigins: portal.allowedOrigins,
    reads: embedFirstReads(path),
  });

  return (
    <>
      <script
        nonce={nonceOf(requestHeaders.get('content-security-policy'))}
        dangerouslySetInnerHTML={{ __html: boot }}
      />
      <EmbedFrame portalId={portal.id} refreshMs={env().MODERATO_REFRESH_MS}>
        {children}
      </EmbedFrame>
    </>
  );
}
