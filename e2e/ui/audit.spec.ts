import { readFile } from 'node:fs/promises';

import { expect, signIn, test, uniqueSuffix } from '../fixtures';

test.describe('audit log', () => {
  test('admin sees sign-ins and narrows the log with filters', async ({ page, baseURL }) => {
    const signedIn = await signIn(baseURL!, 'moderator', 'moderator-demo');
    expect(signedIn.ok).toBe(true);
    const stranger = `nobody-${uniqueSuffix()}`;
    const failed = await signIn(baseURL!, stranger, 'wrong-password');
    expect(failed.ok).toBe(false);

    await page.goto('/audit');
    const table = page.getByRole('table', { name: /Audit events/ });
    await expect(
      table
        .getByRole('row')
        .filter({ hasText: 'auth.signed_in' })
        .filter({ hasText: 'moderator' })
        .first(),
    ).toBeVisible();

    // Filters live in the URL.
    await page.getByLabel('Actor').fill(stranger);
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(new RegExp(`actor=${stranger}`));
    const rows = table.getByRole('row');
    await expect(rows).toHaveCount(2); // header + the one failed attempt
    await expect(rows.nth(1)).toContainText('auth.sign_in_failed');
    await expect(rows.nth(1)).toContainText(stranger);

    await page.getByLabel('Outcome').selectOption('success');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(/outcome=success/);
    await expect(page.getByText('No audit events')).toBeVisible();

    await page.goto(`/audit?actor=${stranger}`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Export CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv).toContain(stranger);
    expect(csv).toContain('auth.sign_in_failed');
    expect(csv).not.toContain('auth.signed_in,');
  });

  test('export links carry the current filters', async ({ page }) => {
    await page.goto('/audit?action=auth.signed_in&outcome=success&from=2020-01-01');
    const csv = page.getByRole('link', { name: 'Export CSV' });
    const json = page.getByRole('link', { name: 'Export JSON' });
    for (const link of [csv, json]) {
      const href = new URL((await link.getAttribute('href'))!, 'http://x');
      expect(href.pathname).toBe('/api/v1/audit/export');
      expect(href.searchParams.get('action')).toBe('auth.signed_in');
      expect(href.searchParams.get('outcome')).toBe('success');
      expect(href.searchParams.get('from')).toBe('2020-01-01T00:00:00.000Z');
    }
    expect(new URL((await json.getAttribute('href'))!, 'http://x').searchParams.get('format')).toBe(
      'json',
    );
  });
});
