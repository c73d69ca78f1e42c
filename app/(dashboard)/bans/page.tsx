import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';

import { PageHeader } from '@/components/layout/page-header';
import { requireActor } from '@/lib/auth/session';
import { actorCan } from '@/lib/domain/actor';
import { listBans } from '@/lib/domain/bans/list-bans';
import { runOperation } from '@/lib/domain/run-operation';
import { banKeys } from '@/lib/queries/keys';
import { getQueryClient } from '@/lib/queries/query-client';

import { BansView } from './_components/bans-view';

export const metadata: Metadata = { title: 'Bans' };

export default async function BansPage() {
  const actor = await requireActor();
  // layout.tsx answers 404 first; Next renders this page alongside it, so stop here too.
  if (!actorCan(actor, 'participants.ban')) notFound();
  const queryClient = getQueryClient();
  try {
    queryClient.setQueryData(banKeys.list(), (await runOperation(listBans, actor, {})).bans);
  } catch {
    // The view shows the error and a retry (the browser asks again).
  }

  return (
    <>
      <PageHeader
        title="Bans"
        description={
          actor.tenant
            ? `Identities kept out of rooms of tenant ${actor.tenant}: each rejoin is removed at once.`
            : 'Identities kept out of rooms: each rejoin is removed at once. Ban someone from a participant’s actions menu.'
        }
      />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <BansView />
      </HydrationBoundary>
    </>
  );
}
