import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';

import { requireActor } from '@/lib/auth/session';
import { actorCan } from '@/lib/domain/actor';

/**
 * The permission check sits in this layout, outside loading.tsx's Suspense boundary, so a
 * non-admin gets a real 404 before anything streams (as for /api-keys). Hiding is UX: every portal
 * operation enforces `keys.manage` itself.
 */
export default async function PortalsLayout({ children }: { children: ReactNode }) {
  const actor = await requireActor();
  if (!actorCan(actor, 'keys.manage')) notFound();

  return children;
}
