import type { Metadata } from 'next';
import { notFound } from 'next/navigation';

import { PageHeader } from '@/components/layout/page-header';
import { requireActor } from '@/lib/auth/session';
import type { JoinLinkTemplateDto } from '@/lib/contracts/tokens';
import { actorCan } from '@/lib/domain/actor';
import { runOperation } from '@/lib/domain/run-operation';
import { getJoinLinkTemplate } from '@/lib/domain/tokens/get-join-link-template';

import { JoinLinkTemplateCard } from './_components/join-link-template-card';
import { TokenGenerator } from './_components/token-generator';

export const metadata: Metadata = { title: 'Tokens' };

export default async function TokensPage() {
  const actor = await requireActor();
  // layout.tsx answers 404 first; Next renders this page alongside it, so stop here too.
  if (!actorCan(actor, 'tokens.generate')) notFound();
  let template: JoinLinkTemplateDto | null = null;
  try {
    template = await runOperation(getJoinLinkTemplate, actor, {});
  } catch {
    // The card says it could not be read; generating still works.
  }

  return (
    <>
      <PageHeader
        title="Tokens"
        description={
          actor.tenant
            ? `LiveKit access tokens for rooms of tenant ${actor.tenant}, with any grant. Each token is shown once.`
            : 'LiveKit access tokens with any grant, for testing, guests or services. Each token is shown once.'
        }
      />
      <TokenGenerator />
      <JoinLinkTemplateCard initial={template} actorTenant={actor.tenant} />
    </>
  );
}
