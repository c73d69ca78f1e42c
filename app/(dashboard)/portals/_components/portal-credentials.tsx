'use client';

import { useId } from 'react';

import { CopyField } from '@/components/ui/copy-field';
import { OneTimeSecret } from '@/components/ui/one-time-secret';

/**
 * What the portal's backend needs to sign embed tokens: the portal's id (the tokens' `kid` header,
 * listed on the page later too) and its secret, shown once.
 */
export function PortalCredentials({
  name,
  portalId,
  secret,
}: {
  name: string;
  portalId: string;
  secret: string;
}) {
  const id = useId();

  return (
    <div className="flex flex-col gap-4">
      <CopyField
        id={id}
        label={`Portal ID of ${name}`}
        copyLabel={`Copy the portal ID of ${name}`}
        value={portalId}
        noun="ID"
        className="text-xs"
      />
      <OneTimeSecret
        label={`Secret of portal ${name}`}
        copyLabel={`Copy the secret of portal ${name}`}
        value={secret}
        noun="secret"
        className="text-xs"
      >
        Store it in the portal backend&apos;s secrets now. It signs embed tokens with it (HS256),
        with the portal ID as the “kid” header.
      </OneTimeSecret>
    </div>
  );
}
