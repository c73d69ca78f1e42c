import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';

import { requireActor } from '@/lib/auth/session';
import { actorCan } from '@/lib/domain/actor';

/**
 * The permission check sits in this layout, outside loading.tsx's Suspense boundary: here
 * notFound() runs before the first byte is sent, so a non-admin gets a real 404. From the page,
 * inside the boundary, it would come after a 200 had already streamed the skeleton.
 */
export default async function UsersLayout({ children }: { children: ReactNode }) {
  const actor = await requireActor();
  // Hiding the page is UX (masked as not found); every users domain function enforces
  // `users.manage` itself.
  if (!actorCan(actor, 'users.manage')) notFound();

  return children;
}
