import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';

import { PageHeader } from '@/components/layout/page-header';
import { requireActor } from '@/lib/auth/session';
import { actorCan } from '@/lib/domain/actor';
import { listApiKeys } from '@/lib/domain/api-keys/list-api-keys';
import { runOperation } from '@/lib/domain/run-operation';
import { apiKeyKeys } from '@/lib/queries/keys';
import { getQueryClient } from '@/lib/queries/query-client';

import { ApiKeysView } from './_components/api-keys-view';
import { CreateApiKeyDialog } from './_components/create-api-key-dialog';

export const metadata: Metadata = { title: 'API keys' };

export default async function ApiKeysPage() {
  const actor = await requireActor();
  // layout.tsx answers 404 first; Next renders this page alongside it, so stop here too.
  if (!actorCan(actor, 'keys.manage')) notFound();
  const queryClient = getQueryClient();
  queryClient.setQueryData(apiKeyKeys.list(), (await runOperation(listApiKeys, actor, {})).apiKeys);

  return (
    <>
      <PageHeader
        title="API keys"
        description={
          actor.tenant
            ? `Keys a portal of tenant ${actor.tenant} calls the REST API with.`
            : 'Keys portals and scripts call the REST API with (see docs/rest-api.md).'
        }
        actions={<CreateApiKeyDialog actorTenant={actor.tenant} />}
      />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <ApiKeysView />
      </HydrationBoundary>
    </>
  );
}
