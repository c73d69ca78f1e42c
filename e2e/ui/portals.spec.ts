import type { Page } from '@playwright/test';

import { expect, test, uniqueSuffix } from '../fixtures';
import { seriousViolations } from '../support/axe';

// Every test creates its own portals: the page lists every portal of the shared dashboard.

function portalRow(page: Page, name: string) {
  return page
    .getByRole('table', { name: 'Embedding portals' })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name, exact: true }) });
}

test('admin creates a portal whose secret is shown once, then revokes it after confirming', async ({
  page,
}) => {
  const name = `UI portal ${uniqueSuffix()}`;
  await page.goto('/rooms');
  await page.getByRole('navigation').getByRole('link', { name: 'Embedding' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Embedding' })).toBeVisible();

  await page.getByRole('button', { name: 'New portal' }).click();
  const form = page.getByRole('dialog', { name: 'New portal' });
  await form.getByLabel('Name').fill(name);
  const origins = form.getByLabel('Allowed origins');

  // An origin with a path is refused under the field, naming it and saying what to write instead.
  await origins.fill('https://portal.example.com\nhttps://portal.example.com/embed');
  await form.getByRole('button', { name: 'Create portal' }).click();
  await expect(origins).toHaveAttribute('aria-invalid', 'true');
  await expect(origins).toHaveAccessibleDescription(
    /“https:\/\/portal\.example\.com\/embed” must be exactly an origin, with no path, query or trailing slash: https:\/\/portal\.example\.com/,
  );
  // So is plain http anywhere but on a loopback host.
  await origins.fill('http://portal.example.com');
  await form.getByRole('button', { name: 'Create portal' }).click();
  await expect(origins).toHaveAccessibleDescription(/must use https/);
  await expect(form).toBeVisible();

  await origins.fill('https://portal.example.com\n\nhttp://localhost:3000\n');
  await form.getByLabel('Tenant').fill('acme');
  await form.getByLabel('Max role').selectOption('viewer');
  await form.getByRole('button', { name: 'Create portal' }).click();

  const created = page.getByRole('dialog', { name: `Created ${name}` });
  const secret = await created
    .getByRole('textbox', { name: `Secret of portal ${name}` })
    .inputValue();
  expect(secret).toMatch(/^mdp_[A-Za-z0-9_-]{43}$/);
  const portalId = await created
    .getByRole('textbox', { name: `Portal ID of ${name}` })
    .inputValue();
  expect(portalId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  await expect(
    created.getByRole('button', { name: `Copy the secret of portal ${name}` }),
  ).toBeVisible();
  await created.getByRole('button', { name: 'Done' }).click();
  await expect(created).toBeHidden();

  // Shown once: reopening offers a new form, and the list shows the portal without its secret.
  await page.getByRole('button', { name: 'New portal' }).click();
  await expect(page.getByRole('dialog', { name: 'New portal' })).toBeVisible();
  await expect(page.getByText(secret)).toHaveCount(0);
  await page.keyboard.press('Escape');
  const row = portalRow(page, name);
  await expect(row).toContainText('https://portal.example.com');
  await expect(row).toContainText('http://localhost:3000');
  await expect(row).toContainText('acme');
  await expect(row).toContainText(/viewer/i);
  await expect(row).toContainText(portalId);
  await expect(row).toContainText('by admin');
  await expect(row).toContainText('Never');
  await expect(row).toContainText('Active');
  await expect(page.locator('body')).not.toContainText(secret);
  // Nor does the API list it.
  const listed = await page.request.get('/api/v1/embed-portals');
  expect(listed.status()).toBe(200);
  expect(await listed.text()).not.toContain(secret);

  await row.getByRole('button', { name: `Revoke portal ${name}` }).click();
  const confirm = page.getByRole('alertdialog', { name: `Revoke ${name}?` });
  await expect(confirm).toContainText('cannot be undone');
  // Cancelling changes nothing.
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  await expect(row).toContainText('Active');

  await row.getByRole('button', { name: `Revoke portal ${name}` }).click();
  await confirm.getByRole('button', { name: `Revoke ${name}` }).click();
  await expect(confirm).toBeHidden();
  await expect(row).toContainText('Revoked');
  await expect(row.getByRole('button', { name: `Revoke portal ${name}` })).toHaveCount(0);

  await page.reload();
  await expect(portalRow(page, name)).toContainText('Revoked');
});

test('the Embedding page and its dialogs have no serious accessibility violations', async ({
  page,
  baseURL,
}) => {
  // An axe scan takes seconds on a busy machine (e2e/ui/a11y.spec.ts); this test makes three.
  test.setTimeout(90_000);
  const name = `a11y-${uniqueSuffix()}`;
  const created = await page.request.post('/api/v1/embed-portals', {
    headers: { origin: baseURL! },
    data: { name, allowedOrigins: ['https://portal.example.com'] },
  });
  expect(created.status(), await created.text()).toBe(201);

  await page.goto('/portals');
  await expect(portalRow(page, name)).toContainText('Active');
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole('button', { name: 'New portal' }).click();
  const form = page.getByRole('dialog', { name: 'New portal' });
  await form.getByLabel('Name').fill(`${name}-2`);
  await form.getByLabel('Allowed origins').fill('https://portal.example.com/path');
  await form.getByRole('button', { name: 'Create portal' }).click();
  await expect(form.getByLabel('Allowed origins')).toHaveAttribute('aria-invalid', 'true');
  expect(await seriousViolations(page)).toEqual([]);

  await form.getByLabel('Allowed origins').fill('https://portal.example.com');
  await form.getByRole('button', { name: 'Create portal' }).click();
  await expect(page.getByRole('dialog', { name: `Created ${name}-2` })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test.describe('a moderator', () => {
  test.use({ account: 'moderator' });

  test('has no Embedding page, no nav link to it, and is refused by the API', async ({
    page,
    baseURL,
  }) => {
    await page.goto('/rooms');
    await expect(page.getByRole('navigation').getByRole('link', { name: 'Rooms' })).toBeVisible();
    await expect(page.getByRole('navigation').getByRole('link', { name: 'Embedding' })).toHaveCount(
      0,
    );
    const res = await page.goto('/portals');
    expect(res?.status()).toBe(404);

    const list = await page.request.get('/api/v1/embed-portals');
    expect(list.status()).toBe(403);
    expect(await list.json()).toMatchObject({ error: { code: 'forbidden' } });
    const create = await page.request.post('/api/v1/embed-portals', {
      headers: { origin: baseURL! },
      data: { name: `mod-${uniqueSuffix()}`, allowedOrigins: ['https://portal.example.com'] },
    });
    expect(create.status()).toBe(403);
    expect(await create.json()).toMatchObject({ error: { code: 'forbidden' } });
  });
});
