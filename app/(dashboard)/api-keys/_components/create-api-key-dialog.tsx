'use client';

import { CreateWithSecretDialog } from '@/components/ui/create-with-secret-dialog';
import type { CreatedApiKeyDto } from '@/lib/contracts/api-keys';

import { CreateApiKeyForm } from './create-api-key-form';
import { OneTimeKey } from './one-time-key';

/** "Create API key": the form, then the key itself, shown once. */
export function CreateApiKeyDialog({ actorTenant }: { actorTenant: string | null }) {
  return (
    <CreateWithSecretDialog<CreatedApiKeyDto>
      label="Create API key"
      description="For a portal's backend or a script calling the REST API."
      form={(onCreated) => <CreateApiKeyForm actorTenant={actorTenant} onCreated={onCreated} />}
      reveal={({ apiKey, key }) => ({
        title: `Created ${apiKey.name}`,
        description: `A ${apiKey.role} key for ${apiKey.tenant ? `tenant ${apiKey.tenant}` : 'every tenant'}.`,
        content: <OneTimeKey name={apiKey.name} apiKey={key} />,
      })}
    />
  );
}
