'use client';

import { CreateWithSecretDialog } from '@/components/ui/create-with-secret-dialog';
import type { CreatedEmbedPortalDto } from '@/lib/contracts/embed-portals';

import { CreatePortalForm } from './create-portal-form';
import { PortalCredentials } from './portal-credentials';

/** "New portal": the form, then the portal's id and secret, the secret shown once. */
export function CreatePortalDialog({ actorTenant }: { actorTenant: string | null }) {
  return (
    <CreateWithSecretDialog<CreatedEmbedPortalDto>
      label="New portal"
      description="A product that shows room views in an iframe; its backend signs the tokens that open them."
      form={(onCreated) => <CreatePortalForm actorTenant={actorTenant} onCreated={onCreated} />}
      reveal={({ portal, secret }) => ({
        title: `Created ${portal.name}`,
        description: `Tokens act at most as ${portal.maxRole}, on rooms of ${portal.tenant ? `tenant ${portal.tenant}` : 'every tenant'}.`,
        content: <PortalCredentials name={portal.name} portalId={portal.id} secret={secret} />,
      })}
    />
  );
}
