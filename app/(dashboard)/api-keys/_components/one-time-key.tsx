'use client';

import { OneTimeSecret } from '@/components/ui/one-time-secret';

/** A new API key, shown once (components/ui/one-time-secret.tsx). */
export function OneTimeKey({ name, apiKey }: { name: string; apiKey: string }) {
  return (
    <OneTimeSecret
      label={`API key ${name}`}
      copyLabel={`Copy API key ${name}`}
      value={apiKey}
      noun="key"
      className="text-xs"
    >
      Store it in the portal&apos;s secrets now; send it as “Authorization: Bearer &lt;key&gt;”.
    </OneTimeSecret>
  );
}
