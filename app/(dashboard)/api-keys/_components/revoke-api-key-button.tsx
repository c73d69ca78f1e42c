'use client';

import { RevokeButton } from '@/components/ui/revoke-button';
import type { ApiKeyDto } from '@/lib/contracts/api-keys';
import { useRevokeApiKey } from '@/lib/queries/mutations/use-revoke-api-key';

/** Revoking is for good: the confirmation names the key and says what stops working. */
export function RevokeApiKeyButton({ apiKey }: { apiKey: ApiKeyDto }) {
  const revoke = useRevokeApiKey();
  const { name } = apiKey;

  return (
    <RevokeButton
      what="API key"
      name={name}
      pending={revoke.isPending}
      onRevoke={(done) => revoke.mutate({ input: { keyId: apiKey.id }, name }, { onSuccess: done })}
    >
      <p>Every call with this key is refused from its next request on, on every instance.</p>
      <p>This cannot be undone: whoever uses it needs a new key.</p>
    </RevokeButton>
  );
}
