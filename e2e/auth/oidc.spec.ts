import { expect, type Page, test } from '@playwright/test';

/** Signs in through the real oidc-provider pages (dev interactions accept any password). */
async function signInWithOidc(page: Page, login: string) {
  await page.goto('/login');
  await page.getByRole('button', { name: 'Sign in with Local OIDC' }).click();
  await page.getByPlaceholder('Enter any login').fill(login);
  await page.getByPlaceholder('and password').fill('any-password');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
}

async function sessionOf(page: Page) {
  const res = await page.request.get('/api/auth/session');
  return (await res.json()) as { user?: { username: string; role: string; tenant: string | null } };
}

test('an IdP admin signs in through OIDC as admin', async ({ page }) => {
  await signInWithOidc(page, 'oidc-admin');
  await expect(page).not.toHaveURL(/\/login|127\.0\.0\.1:7895/);
  expect((await sessionOf(page)).user).toMatchObject({
    username: 'oidc-admin',
    role: 'admin',
    tenant: null,
  });
});

test('an IdP user without a Moderato group is refused with a clear message', async ({ page }) => {
  await signInWithOidc(page, 'oidc-nobody');
  await expect(page).toHaveURL(/\/login\?error=OidcNoRole/);
  await expect(page.getByRole('main').getByRole('alert')).toContainText('has no Moderato role');
  expect((await sessionOf(page)).user).toBeUndefined();
});

test('the tenant comes from the auth_id claim', async ({ page }) => {
  await signInWithOidc(page, 'oidc-acme');
  await expect(page).not.toHaveURL(/\/login|127\.0\.0\.1:7895/);
  expect((await sessionOf(page)).user).toMatchObject({
    username: 'oidc-acme',
    role: 'moderator',
    tenant: 'acme',
  });
});
