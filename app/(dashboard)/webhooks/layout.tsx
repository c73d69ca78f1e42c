import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';

import { requireActor } from '@/lib/auth/session';
import { actorCan } from '@/lib/domain/actor';

/**
 * The permission check sits outside loading.tsx's Suspense boundary so a non-admin gets a real 404
 * (see app/(dashboard)/users/layout.tsx). getWebhookHealth enforces `users.manage` itself.
 */
export default async function WebhooksLayout({ children }: { children: ReactNode }) {
  const actor = await requireActor();
  if (!actorCan(actor, 'users.manage')) notFound();

  return children;
}
