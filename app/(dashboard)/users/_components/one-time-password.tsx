'use client';

import { OneTimeSecret } from '@/components/ui/one-time-secret';

/** A generated password, shown once (components/ui/one-time-secret.tsx). */
export function OneTimePassword({ username, password }: { username: string; password: string }) {
  return (
    <OneTimeSecret
      label={`Password of ${username}`}
      copyLabel={`Copy the password of ${username}`}
      value={password}
      noun="password"
    >
      Give it to {username} over a safe channel now.
    </OneTimeSecret>
  );
}
