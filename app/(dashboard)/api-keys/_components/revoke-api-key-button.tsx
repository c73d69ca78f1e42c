'use client';

import { useState } from 'react';

import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import type { ApiKeyDto } from '@/lib/contracts/api-keys';
import { useRevokeApiKey } from '@/lib/queries/mutations/use-revoke-api-key';

/** Revoking is for good: the confirmation names the key and says what stops working. */
export function RevokeApiKeyButton({ apiKey }: { apiKey: ApiKeyDto }) {
  const [open, setOpen] = useState(false);
  const revoke = useRevokeApiKey();
  const { name } = apiKey;

  return (
    <>
      <Button
        variant="secondary"
        size="sm"
        aria-label={`Revoke API key ${name}`}
        onClick={() => setOpen(true)}
      >
        Revoke
      </Button>
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title={`Revoke ${name}?`}
        confirmLabel={`Revoke ${name}`}
        pending={revoke.isPending}
        onConfirm={() =>
          revoke.mutate({ input: { keyId: apiKey.id }, name }, { onSuccess: () => setOpen(false) })
        }
      >
        <p>Every call with this key is refused from its next request on, on every instance.</p>
        <p>This cannot be undone: whoever uses it needs a new key.</p>
      </ConfirmDialog>
    </>
  );
}
