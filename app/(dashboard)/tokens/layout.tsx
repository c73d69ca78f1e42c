import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';

import { requireActor } from '@/lib/auth/session';
import { actorCan } from '@/lib/domain/actor';

/**
 * Admins only: a real 404 for anyone else before anything streams (as for /api-keys). Hiding is
 * UX: the operations enforce `tokens.generate` themselves.
 */
export default async function TokensLayout({ children }: { children: ReactNode }) {
  const actor = await requireActor();
  if (!actorCan(actor, 'tokens.generate')) notFound();

  return children;
}
