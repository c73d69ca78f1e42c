/**
 * `?error=` codes on /login → what we tell the user. next-auth's own codes plus ours (OidcNoRole,
 * AccountDisabled). Credential failures stay generic on purpose: no hint whether the username
 * exists or the account is disabled.
 */
const MESSAGES: Record<string, string> = {
  CredentialsSignin: 'Invalid username or password.',
  TooManyAttempts: 'Too many failed sign-ins for this account. Wait 15 minutes and try again.',
  OidcNoRole:
    'Your single sign-on account has no Moderato role. Ask an administrator to add you to a Moderato group.',
  AccountDisabled: 'This account is disabled. Ask an administrator to enable it.',
  AccessDenied: 'Access denied.',
  SessionRequired: 'Please sign in to continue.',
  Configuration: 'Sign-in is not configured correctly on the server. See the server log.',
  OAuthSignin: 'Single sign-on could not be started. Try again or contact an administrator.',
  OAuthCallback: 'Single sign-on failed. Try again or contact an administrator.',
  Callback: 'Single sign-on failed. Try again or contact an administrator.',
};

export function loginErrorMessage(code: string | undefined | null): string | null {
  if (!code) return null;
  return MESSAGES[code] ?? 'Sign-in failed. Please try again.';
}
