/**
 * `?error=` codes on /login → what we tell the user. next-auth's own codes plus ours (OidcNoRole,
 * OidcNoTenant, AccountDisabled, TooManyAttempts). Credential failures stay generic on purpose: no
 * hint whether the username exists or the account is disabled.
 */
const MESSAGES: Record<string, string> = {
  CredentialsSignin: 'Invalid username or password.',
  TooManyAttempts: 'Too many sign-in attempts. Try again in a few seconds.',
  OidcNoRole:
    'Your single sign-on account has no Moderato role. Ask an administrator to add you to a Moderato group.',
  OidcNoTenant:
    'Your single sign-on account is not assigned to a tenant. Ask an administrator to assign you one.',
  AccountDisabled: 'This account is disabled. Ask an administrator to enable it.',
  AccessDenied: 'Access denied.',
  SessionRequired: 'Please sign in to continue.',
  Configuration: 'Sign-in is not configured correctly on the server. See the server log.',
  OAuthSignin: 'Single sign-on could not be started. Try again or contact an administrator.',
  OAuthCallback: 'Single sign-on failed. Try again or contact an administrator.',
  Callback: 'Single sign-on failed. Try again or contact an administrator.',
};

/** Sign-in throttling answers `TooManyAttempts:<seconds>` (lib/auth/sign-in-throttle.ts). */
const THROTTLED = /^TooManyAttempts:(\d{1,4})$/;

export function loginErrorMessage(code: string | undefined | null): string | null {
  if (!code) return null;
  const wait = THROTTLED.exec(code);
  if (wait) return `Too many sign-in attempts. Try again in ${Number(wait[1])} s.`;
  return MESSAGES[code] ?? 'Sign-in failed. Please try again.';
}
