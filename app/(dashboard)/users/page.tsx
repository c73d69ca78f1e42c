import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';

import { PageHeader } from '@/components/layout/page-header';
import { requireActor } from '@/lib/auth/session';
import { actorCan } from '@/lib/domain/actor';
import { listUsers } from '@/lib/domain/users/list-users';
import { runOperation } from '@/lib/domain/run-operation';
import { userKeys } from '@/lib/queries/keys';
import { getQueryClient } from '@/lib/queries/query-client';

import { CreateUserDialog } from './_components/create-user-dialog';
import { UsersView } from './_components/users-view';

export const metadata: Metadata = { title: 'Users' };

export default async function UsersPage() {
  const actor = await requireActor();
  // layout.tsx answers non-admins 404 before anything streams, but Next renders this page
  // alongside it: stop here too rather than let listUsers log a `forbidden` error.
  if (!actorCan(actor, 'users.manage')) notFound();
  const queryClient = getQueryClient();
  queryClient.setQueryData(userKeys.list(), (await runOperation(listUsers, actor, {})).users);

  return (
    <>
      <PageHeader
        title="Users"
        description={
          actor.tenant
            ? `Dashboard accounts of tenant ${actor.tenant}.`
            : 'Everyone who can sign in to this dashboard.'
        }
        actions={<CreateUserDialog actorTenant={actor.tenant} />}
      />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <UsersView currentUserId={actor.userId} actorTenant={actor.tenant} />
      </HydrationBoundary>
    </>
  );
}
