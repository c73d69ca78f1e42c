'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { KeyRoundIcon, LoaderCircleIcon } from 'lucide-react';
import { SessionProvider, signIn, useSession } from 'next-auth/react';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';

import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { cn } from '@/lib/utils';

import { loginErrorMessage } from './login-errors';

const loginSchema = z.object({
  username: z.string().trim().min(1, 'Enter your username.').max(200),
  password: z.string().min(1, 'Enter your password.').max(1024),
});
type LoginValues = z.infer<typeof loginSchema>;

interface LoginFormProps {
  /** Same-origin path to go to after sign-in (sanitised on the server). */
  callbackPath: string;
  /** Set when single sign-on is configured. */
  oidc: { id: string; name: string } | null;
  initialError: string | null;
}

/**
 * The only page that reads next-auth's client session, so only it fetches /api/auth/session (the
 * dashboard resolves the actor on the server, and embedded pages have no next-auth session).
 */
export function LoginForm(props: LoginFormProps) {
  return (
    <SessionProvider refetchOnWindowFocus={false}>
      <SignInForm {...props} />
    </SessionProvider>
  );
}

function SignInForm({ callbackPath, oidc, initialError }: LoginFormProps) {
  // Until the session (and with it next-auth's CSRF cookie) has loaded, a submit can race the
  // CSRF token and fail, and before hydration it would be a native GET that puts the password in
  // the URL. So the buttons stay disabled while loading (TOOLCHAIN pitfall 13).
  const { status } = useSession();
  const [error, setError] = useState<string | null>(initialError);
  const [redirecting, setRedirecting] = useState(false);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<LoginValues>({
    resolver: zodResolver(loginSchema),
    defaultValues: { username: '', password: '' },
  });

  const busy = status === 'loading' || isSubmitting || redirecting;

  const onSubmit = handleSubmit(async ({ username, password }) => {
    setError(null);
    const res = await signIn('credentials', {
      username,
      password,
      redirect: false,
      callbackUrl: callbackPath,
    });
    // next-auth v4 answers a failed CSRF check with ok + a `csrf=true` URL: that is a failure.
    if (!res || !res.ok || res.error || res.url?.includes('csrf=true')) {
      setError(loginErrorMessage(res?.error ?? 'Default'));
      return;
    }
    setRedirecting(true);
    // Our own sanitised path, never res.url (its host may differ from the one the cookie is for).
    window.location.assign(callbackPath);
  });

  return (
    <div className="space-y-5">
      {error ? (
        <p
          role="alert"
          className="border-destructive/30 bg-destructive-soft text-destructive rounded-md border px-3 py-2 text-sm"
        >
          {error}
        </p>
      ) : null}

      <form method="post" noValidate onSubmit={onSubmit} className="space-y-4">
        <div className="space-y-1.5">
          <Label htmlFor="username" className="text-foreground text-sm">
            Username
          </Label>
          <Input
            id="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            autoFocus
            aria-invalid={errors.username ? true : undefined}
            aria-describedby={errors.username ? 'username-error' : undefined}
            className={cn(errors.username && 'border-destructive')}
            {...register('username')}
          />
          {errors.username ? (
            <p id="username-error" className="text-destructive text-xs">
              {errors.username.message}
            </p>
          ) : null}
        </div>
        <div className="space-y-1.5">
          <Label htmlFor="password" className="text-foreground text-sm">
            Password
          </Label>
          <Input
            id="password"
            type="password"
            autoComplete="current-password"
            aria-invalid={errors.password ? true : undefined}
            aria-describedby={errors.password ? 'password-error' : undefined}
            className={cn(errors.password && 'border-destructive')}
            {...register('password')}
          />
          {errors.password ? (
            <p id="password-error" className="text-destructive text-xs">
              {errors.password.message}
            </p>
          ) : null}
        </div>
        <Button type="submit" className="w-full" disabled={busy} aria-busy={busy || undefined}>
          {isSubmitting || redirecting ? (
            <LoaderCircleIcon aria-hidden className="animate-spin" />
          ) : null}
          Sign in
        </Button>
      </form>

      {oidc ? (
        <>
          <div className="text-muted-foreground flex items-center gap-3 text-xs">
            <span className="bg-border h-px flex-1" />
            or
            <span className="bg-border h-px flex-1" />
          </div>
          <Button
            variant="secondary"
            className="w-full"
            disabled={busy}
            onClick={() => {
              setRedirecting(true);
              void signIn(oidc.id, { callbackUrl: callbackPath });
            }}
          >
            <KeyRoundIcon aria-hidden />
            Sign in with {oidc.name}
          </Button>
        </>
      ) : null}
    </div>
  );
}
