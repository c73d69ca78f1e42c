'use client';

import { RevokeButton } from '@/components/ui/revoke-button';
import type { EmbedPortalDto } from '@/lib/contracts/embed-portals';
import { useRevokeEmbedPortal } from '@/lib/queries/mutations/use-revoke-embed-portal';

/** Revoking is for good: the confirmation names the portal and says what stops working. */
export function RevokePortalButton({ portal }: { portal: EmbedPortalDto }) {
  const revoke = useRevokeEmbedPortal();
  const { name } = portal;

  return (
    <RevokeButton
      what="portal"
      name={name}
      pending={revoke.isPending}
      onRevoke={(done) =>
        revoke.mutate({ input: { portalId: portal.id }, name }, { onSuccess: done })
      }
    >
      <p>Its tokens are refused from now on, so its embedded room views stop working.</p>
      <p>This cannot be undone: the portal needs a new one, with a new secret.</p>
    </RevokeButton>
  );
}
