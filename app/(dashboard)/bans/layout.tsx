import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';

import { requireActor } from '@/lib/auth/session';
import { actorCan } from '@/lib/domain/actor';

/**
 * The permission check sits in this layout, outside loading.tsx's Suspense boundary, so a caller
 * who may not ban gets a real 404 before anything streams. Hiding is UX: every ban operation
 * enforces `participants.ban` itself.
 */
export default async function BansLayout({ children }: { children: ReactNode }) {
  const actor = await requireActor();
  if (!actorCan(actor, 'participants.ban')) notFound();

  return children;
}
