import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';

import { requireActor } from '@/lib/auth/session';
import { actorCan } from '@/lib/domain/actor';

/** Outside loading.tsx's Suspense boundary, so a non-admin gets a real 404 (as for /api-keys). */
export default async function PresetsLayout({ children }: { children: ReactNode }) {
  const actor = await requireActor();
  if (!actorCan(actor, 'presets.manage')) notFound();

  return children;
}
