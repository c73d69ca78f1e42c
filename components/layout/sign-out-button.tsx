'use client';

import { LogOutIcon } from 'lucide-react';
import { useState } from 'react';

import { Button } from '@/components/ui/button';

import { signOutHere } from './sign-out';

export function SignOutButton() {
  const [pending, setPending] = useState(false);

  return (
    <Button
      variant="ghost"
      size="sm"
      disabled={pending}
      onClick={() => {
        setPending(true);
        void signOutHere();
      }}
    >
      <LogOutIcon aria-hidden />
      Sign out
    </Button>
  );
}
