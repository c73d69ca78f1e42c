import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';

import { PageHeader } from '@/components/layout/page-header';
import { requireActor } from '@/lib/auth/session';
import { actorCan } from '@/lib/domain/actor';
import { listPermissionPresets } from '@/lib/domain/presets/list-permission-presets';
import { runOperation } from '@/lib/domain/run-operation';
import { presetKeys } from '@/lib/queries/keys';
import { getQueryClient } from '@/lib/queries/query-client';

import { CreatePresetDialog } from './_components/create-preset-dialog';
import { PresetsView } from './_components/presets-view';

export const metadata: Metadata = { title: 'Permission presets' };

export default async function PresetsPage() {
  const actor = await requireActor();
  // layout.tsx answers 404 first; Next renders this page alongside it, so stop here too.
  if (!actorCan(actor, 'presets.manage')) notFound();
  const queryClient = getQueryClient();
  try {
    const { presets } = await runOperation(listPermissionPresets, actor, {});
    queryClient.setQueryData(presetKeys.list(), presets);
  } catch {
    // The view shows the error and a retry (the browser asks again).
  }

  return (
    <>
      <PageHeader
        title="Permission presets"
        description={
          actor.tenant
            ? `Templates moderators of tenant ${actor.tenant} apply to participants in one step.`
            : 'Templates moderators apply to one participant, a selection or a whole room in one step.'
        }
        actions={<CreatePresetDialog />}
      />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <PresetsView />
      </HydrationBoundary>
    </>
  );
}
