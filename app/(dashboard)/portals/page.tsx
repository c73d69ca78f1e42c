import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';

import { PageHeader } from '@/components/layout/page-header';
import { requireActor } from '@/lib/auth/session';
import { actorCan } from '@/lib/domain/actor';
import { listEmbedPortals } from '@/lib/domain/embed-portals/list-embed-portals';
import { runOperation } from '@/lib/domain/run-operation';
import { embedPortalKeys } from '@/lib/queries/keys';
import { getQueryClient } from '@/lib/queries/query-client';

import { CreatePortalDialog } from './_components/create-portal-dialog';
import { PortalsView } from './_components/portals-view';

export const metadata: Metadata = { title: 'Embedding' };

export default async function PortalsPage() {
  const actor = await requireActor();
  // layout.tsx answers 404 first; Next renders this page alongside it, so stop here too.
  if (!actorCan(actor, 'keys.manage')) notFound();
  const queryClient = getQueryClient();
  queryClient.setQueryData(
    embedPortalKeys.list(),
    (await runOperation(listEmbedPortals, actor, {})).portals,
  );

  return (
    <>
      <PageHeader
        title="Embedding"
        description={
          actor.tenant
            ? `Portals of tenant ${actor.tenant} that show room views in an iframe, with tokens their backend signs.`
            : 'Portals that show room views in an iframe, with short-lived tokens their backend signs.'
        }
        actions={<CreatePortalDialog actorTenant={actor.tenant} />}
      />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <PortalsView />
      </HydrationBoundary>
    </>
  );
}
