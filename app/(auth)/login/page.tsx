import { AudioLinesIcon } from 'lucide-react';
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { connection } from 'next/server';

import { Card } from '@/components/ui/card';
import { authEnv } from '@/lib/auth/auth-env';
import { DEMO_ACCOUNTS } from '@/lib/auth/demo-accounts';
import { OIDC_PROVIDER_ID } from '@/lib/auth/options';
import { getActor, safeCallbackPath } from '@/lib/auth/session';
import { env } from '@/lib/env';

import { DemoAccounts } from './_components/demo-accounts';
import { loginErrorMessage } from './_components/login-errors';
import { LoginForm } from './_components/login-form';

export const metadata: Metadata = { title: 'Sign in' };

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export default async function LoginPage({ searchParams }: PageProps<'/login'>) {
  // Render per request: OIDC and demo settings are run-time env, not build-time (pitfall 16).
  await connection();
  const params = await searchParams;
  const callbackPath = safeCallbackPath(first(params.callbackUrl));
  if (await getActor()) redirect(callbackPath);

  const { oidc } = authEnv();
  const demo = env().MODERATO_DEMO;

  return (
    <main className="flex min-h-dvh items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm space-y-6">
        <div className="flex flex-col items-center gap-3 text-center">
          <span className="bg-primary text-primary-foreground flex size-11 items-center justify-center rounded-xl shadow-sm">
            <AudioLinesIcon aria-hidden className="size-6" />
          </span>
          <div>
            <h1 className="text-2xl font-semibold tracking-tight">Moderato</h1>
            <p className="text-muted-foreground text-sm">Sign in to moderate your LiveKit rooms</p>
          </div>
        </div>
        <Card className="p-6">
          <LoginForm
            callbackPath={callbackPath}
            oidc={oidc ? { id: OIDC_PROVIDER_ID, name: oidc.displayName } : null}
            initialError={loginErrorMessage(first(params.error))}
          />
        </Card>
        {demo ? (
          <DemoAccounts
            accounts={DEMO_ACCOUNTS.map(({ username, password, role, tenant }) => ({
              username,
              password,
              role,
              tenant,
            }))}
          />
        ) : null}
      </div>
    </main>
  );
}
