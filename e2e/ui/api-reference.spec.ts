import { expect, test } from '../fixtures';

test.describe('API reference', () => {
  test('renders the operations of the generated OpenAPI document without leaving our origin', async ({
    page,
    baseURL,
  }) => {
    // Redoc renders the whole document: 27 s on a busy 2-core machine with ~60 operations, over
    // 30 s with the ~75 of session 7 (CI, 2 cores, the browser suite running beside it).
    test.setTimeout(150_000);
    const foreign: string[] = [];
    page.on('requestfinished', (req) => {
      const url = new URL(req.url());
      if (/^https?:$/.test(url.protocol) && url.origin !== baseURL) foreign.push(req.url());
    });

    await page.goto('/api-reference');
    await expect(
      page.getByRole('heading', { level: 1, name: 'Moderato API reference' }),
    ).toBeVisible();
    // Redoc is a large chunk: on a loaded machine it may take a while to arrive and render.
    await expect(
      page.getByRole('heading', { name: 'Mute or unmute a published track' }).first(),
    ).toBeVisible({ timeout: 120_000 });
    for (const summary of ['Remove a participant', 'List rooms', 'Export the audit log']) {
      await expect(page.getByRole('heading', { name: summary }).first()).toBeVisible();
    }
    expect(foreign).toEqual([]);
  });

  test('is linked from the dashboard navigation', async ({ page }) => {
    await page.goto('/rooms');
    await page.getByRole('navigation').getByRole('link', { name: 'API reference' }).click();
    await expect(page).toHaveURL(/\/api-reference$/);
  });
});
