import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';

import { PageHeader } from '@/components/layout/page-header';
import { requireActor } from '@/lib/auth/session';
import { actorCan } from '@/lib/domain/actor';
import { getWebhookHealth } from '@/lib/domain/livekit/get-webhook-health';
import { runOperation } from '@/lib/domain/run-operation';
import { livekitKeys } from '@/lib/queries/keys';
import { getQueryClient } from '@/lib/queries/query-client';

import { WebhooksView } from './_components/webhooks-view';

export const metadata: Metadata = { title: 'Webhooks' };

export default async function WebhooksPage() {
  const actor = await requireActor();
  // layout.tsx answers non-admins 404 first; stop here too rather than log a `forbidden` error.
  if (!actorCan(actor, 'users.manage')) notFound();
  const health = await runOperation(getWebhookHealth, actor, {});
  const queryClient = getQueryClient();
  queryClient.setQueryData(livekitKeys.webhooks(), health);

  return (
    <>
      <PageHeader
        title="Webhooks"
        description="LiveKit tells Moderato about joins, leaves and tracks at once through webhooks; reconciliation catches what they miss."
      />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <WebhooksView
          receiverUrl={health.receiverUrl ?? (await requestOrigin()) + health.receiverPath}
          apiKey={health.apiKey}
        />
      </HydrationBoundary>
    </>
  );
}

/**
 * Without NEXTAUTH_URL the dashboard's public address is the one this admin is using (behind a
 * proxy, its forwarded host and scheme).
 */
async function requestOrigin(): Promise<string> {
  const h = await headers();
  const host = h.get('x-forwarded-host') ?? h.get('host') ?? 'localhost:3000';
  const proto = h.get('x-forwarded-proto') ?? 'http';
  return `${proto.split(',')[0]!.trim()}://${host.split(',')[0]!.trim()}`;
}
