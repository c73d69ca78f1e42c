import { describe, expect, it } from 'vitest';

import { loginErrorMessage } from './login-errors';

describe('loginErrorMessage', () => {
  it('tells a throttled user how long to wait, not that the account is locked', () => {
    expect(loginErrorMessage('TooManyAttempts:7')).toBe(
      'Too many sign-in attempts. Try again in 7 s.',
    );
    expect(loginErrorMessage('TooManyAttempts')).toMatch(/Try again in a few seconds/);
    expect(loginErrorMessage('TooManyAttempts:<b>')).toBe('Sign-in failed. Please try again.');
  });

  it('explains an SSO account without a tenant', () => {
    expect(loginErrorMessage('OidcNoTenant')).toMatch(/not assigned to a tenant/);
  });
});
