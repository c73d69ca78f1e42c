import type { Page } from '@playwright/test';

import { expect, test, uniqueSuffix } from '../fixtures';

// Every test creates its own keys: the page lists every key of the shared dashboard.

function keysTable(page: Page) {
  return page.getByRole('table', { name: 'API keys' });
}

function keyRow(page: Page, name: string) {
  return keysTable(page)
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name, exact: true }) });
}

/**
 * What the key can do right now: the status of GET /api/v1/rooms with it. The page's request
 * context also carries the admin's session cookie; a request with a key is decided by the key.
 */
async function statusWithKey(page: Page, key: string): Promise<number> {
  const res = await page.request.get('/api/v1/rooms', {
    headers: { authorization: `Bearer ${key}` },
  });
  return res.status();
}

test('admin creates a key shown once, which works until it is revoked from the page', async ({
  page,
}) => {
  const name = `ui-${uniqueSuffix()}`;
  await page.goto('/rooms');
  await page.getByRole('navigation').getByRole('link', { name: 'API keys' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'API keys' })).toBeVisible();

  await page.getByRole('button', { name: 'Create API key' }).click();
  const form = page.getByRole('dialog', { name: 'Create API key' });
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Role').selectOption('viewer');
  await form.getByLabel('Tenant').fill('acme');
  await form.getByLabel('Rooms').fill('lobby\nstage two');
  await form.getByRole('button', { name: 'Create API key' }).click();

  const created = page.getByRole('dialog', { name: `Created ${name}` });
  const key = await created.getByRole('textbox', { name: `API key ${name}` }).inputValue();
  expect(key).toMatch(/^mdk_[A-Za-z0-9_-]{43}$/);
  await expect(created.getByRole('button', { name: `Copy API key ${name}` })).toBeVisible();
  await created.getByRole('button', { name: 'Done' }).click();
  await expect(created).toBeHidden();

  // Shown once: reopening the dialog offers a new form, and the list shows only the prefix.
  await page.getByRole('button', { name: 'Create API key' }).click();
  await expect(page.getByRole('dialog', { name: 'Create API key' })).toBeVisible();
  await expect(page.getByText(key)).toHaveCount(0);
  await page.keyboard.press('Escape');
  const row = keyRow(page, name);
  await expect(row).toContainText(key.slice(0, 12));
  await expect(row).toContainText('acme');
  await expect(row).toContainText('lobby, stage two');
  await expect(row).toContainText('Active');
  await expect(page.locator('body')).not.toContainText(key);

  expect(await statusWithKey(page, key)).toBe(200);

  // Backing out of the confirmation revokes nothing and gives focus back to the button.
  const revoke = row.getByRole('button', { name: `Revoke API key ${name}` });
  await revoke.click();
  const confirm = page.getByRole('alertdialog', { name: `Revoke ${name}?` });
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  await expect(revoke).toBeFocused();
  await expect(row).toContainText('Active');

  await revoke.click();
  await confirm.getByRole('button', { name: `Revoke ${name}` }).click();
  await expect(confirm).toBeHidden();
  await expect(row).toContainText('Revoked');
  await expect(row.getByRole('button', { name: `Revoke API key ${name}` })).toHaveCount(0);

  await expect.poll(() => statusWithKey(page, key)).toBe(401);
});

test.describe('a moderator', () => {
  test.use({ account: 'moderator' });

  test('has no API keys page and no nav link to it', async ({ page }) => {
    await page.goto('/rooms');
    await expect(page.getByRole('navigation').getByRole('link', { name: 'Rooms' })).toBeVisible();
    await expect(page.getByRole('navigation').getByRole('link', { name: 'API keys' })).toHaveCount(
      0,
    );
    const res = await page.goto('/api-keys');
    expect(res?.status()).toBe(404);
  });
});
