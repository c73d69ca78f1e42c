import { readFile } from 'node:fs/promises';

import { request as playwrightRequest, type Page } from '@playwright/test';

import { expect, signIn, test, uniqueSuffix } from '../fixtures';
import { seriousViolations } from '../support/axe';
import { E2E } from '../support/ports';

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

  test('names each source as a word, acronyms in capitals', async ({ page }) => {
    await page.goto('/audit');
    const source = page.getByLabel('Source');
    await expect(source.getByRole('option')).toHaveText([
      'Any source',
      'UI',
      'API',
      'Embed',
      'CLI',
      'System',
    ]);
    // There are system rows: the demo accounts are created by the system at start.
    await source.selectOption({ label: 'System' });
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(/source=system/);
    const first = page
      .getByRole('table', { name: /Audit events/ })
      .getByRole('row')
      .nth(1);
    await expect(first.getByRole('cell').last()).toHaveText('System');
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

/** Issue 9 §8: an audit log that answers questions. */
test.describe('audit log questions', () => {
  // Writes with a session cookie are same-origin only.
  const sameOrigin = { origin: `http://127.0.0.1:${E2E.dashboardPort}` };

  /** A new viewer account, created through the API, and its cookies once signed in. */
  async function newViewer(page: Page, baseURL: string, name: string) {
    const username = `e2e-audit-${uniqueSuffix()}`;
    const res = await page.request.post('/api/v1/users', {
      data: { username, name, role: 'viewer' },
      headers: sameOrigin,
    });
    expect(res.status()).toBe(201);
    const { user, password } = (await res.json()) as { user: { id: string }; password: string };
    const signedIn = await signIn(baseURL, username, password);
    expect(signedIn.ok).toBe(true);

    return { username, id: user.id, state: signedIn.state };
  }

  function auditRows(page: Page) {
    return page.getByRole('table', { name: 'Audit events' }).getByRole('rowgroup').nth(1);
  }

  test('the actor filter matches usernames, not display names', async ({ page, baseURL }) => {
    const displayName = `Quux ${uniqueSuffix()}`;
    const { username } = await newViewer(page, baseURL!, displayName);

    await page.goto('/audit');
    await page.getByLabel('Actor').fill(displayName);
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page.getByText('No audit events')).toBeVisible();

    await page.getByLabel('Actor').fill(username);
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(new RegExp(`actor=${username}`));
    const rows = auditRows(page).getByRole('row');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('auth.signed_in');
  });

  test('the action filter is a picker of the known actions and their families', async ({
    page,
  }) => {
    const username = `e2e-picked-${uniqueSuffix()}`;
    const res = await page.request.post('/api/v1/users', {
      data: { username, role: 'viewer' },
      headers: sameOrigin,
    });
    expect(res.status()).toBe(201);

    await page.goto('/audit');
    const picker = page.getByRole('combobox', { name: 'Action' });
    // From the operation registry, including actions chosen by the input, and sign-in's.
    for (const action of ['track.unmuted', 'participant.forwarded', 'auth.sign_in_failed']) {
      await expect(picker.getByRole('option', { name: action, exact: true })).toHaveCount(1);
    }
    await picker.selectOption('user.*');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(/action=user\.\*/);
    const actions = auditRows(page).getByRole('row').locator('[role="cell"]:nth-child(6)');
    await expect(
      auditRows(page).getByRole('row').filter({ hasText: username }).first(),
    ).toContainText('user.created');
    for (const text of await actions.allTextContents()) expect(text).toMatch(/^user\./);

    await page.getByRole('combobox', { name: 'Action' }).selectOption('user.created');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(/action=user\.created/);
    await expect(auditRows(page).getByRole('row').filter({ hasText: username })).toHaveCount(1);
  });

  test('user.* rows name the user, and every row opens to its parameters and error', async ({
    page,
    baseURL,
  }) => {
    const { username, id } = await newViewer(page, baseURL!, 'Someone');
    const disabled = await page.request.put(`/api/v1/users/${id}/disabled`, {
      data: { disabled: true },
      headers: sameOrigin,
    });
    expect(disabled.status()).toBe(200);
    const missingId = `missing-${uniqueSuffix()}`;
    const missing = await page.request.put(`/api/v1/users/${missingId}/disabled`, {
      data: { disabled: true },
      headers: sameOrigin,
    });
    expect(missing.status()).toBe(404);

    await page.goto('/audit?action=user.disabled');
    const row = auditRows(page)
      .getByRole('row')
      .filter({ hasText: `User ${username}` });
    await expect(row).toHaveCount(1);
    await expect(row.getByRole('link', { name: username })).toHaveAttribute(
      'href',
      `/users?q=${username}`,
    );
    const details = row.getByRole('button', { name: 'Details' });
    await expect(details).toHaveAttribute('aria-expanded', 'false');
    // A keyboard disclosure: focus the button and press Enter.
    await details.focus();
    await page.keyboard.press('Enter');
    await expect(details).toHaveAttribute('aria-expanded', 'true');
    const panel = page.locator(`#${await details.getAttribute('aria-controls')}`);
    await expect(panel).toContainText('sessionsEnded');
    await expect(panel).toContainText(id);
    // The one table style holds up to axe, open rows included.
    expect(await seriousViolations(page)).toEqual([]);

    // The refused one keeps only the id that was asked for, and says what its error means.
    const refused = auditRows(page)
      .getByRole('row')
      .filter({ hasText: `User id ${missingId}` });
    await expect(refused).toContainText('not_found');
    await refused.focus();
    await page.keyboard.press('Enter');
    const refusedDetails = refused.getByRole('button', { name: 'Details' });
    await expect(refusedDetails).toHaveAttribute('aria-expanded', 'true');
    await expect(
      page.locator(`#${await refusedDetails.getAttribute('aria-controls')}`),
    ).toContainText('not_found — Not found');
  });

  test('targets link to their room and participant, whatever the room is called', async ({
    page,
    livekit,
  }) => {
    const name = await livekit.seedRoom(`audit ä+%? ${uniqueSuffix()}`, [
      { identity: 'alice b', tracks: [{ type: 'AUDIO', source: 'MICROPHONE' }] },
    ]);
    const standin = (await livekit.state()).rooms.find((r) => r.room.name === name);
    const trackSid = standin?.participants[0]?.tracks[0]?.sid;
    expect(trackSid).toBeTruthy();
    const muted = await page.request.patch(
      `/api/v1/rooms/${encodeURIComponent(name)}/participants/${encodeURIComponent('alice b')}/tracks/${trackSid}`,
      { data: { muted: true }, headers: sameOrigin },
    );
    expect(muted.status()).toBe(200);

    await page.goto(`/audit?${new URLSearchParams({ roomName: name })}`);
    const row = auditRows(page).getByRole('row').filter({ hasText: 'track.muted' });
    await expect(row).toHaveCount(1);
    await expect(row.getByRole('link', { name: 'alice b' })).toHaveAttribute(
      'href',
      `/rooms/${encodeURIComponent(name)}?participant=alice%20b`,
    );
    await row.getByRole('link', { name, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name, exact: true })).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`/rooms/${encodeURIComponent(name)}$`));
  });

  test('says so when From is after To, and the API refuses it in the same words', async ({
    page,
  }) => {
    const message = '“From” is after “To”, so no event can match. Swap the dates or clear one.';
    await page.goto('/audit');
    await page.getByLabel('From (UTC)').fill('2026-05-03');
    await page.getByLabel('To (UTC)').fill('2026-05-01');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(/from=2026-05-03/);
    await expect(page.getByRole('alert').filter({ hasText: message })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Audit events' })).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Export CSV' })).toHaveCount(0);

    const res = await page.request.get('/api/v1/audit?from=2026-05-03&to=2026-05-01');
    expect(res.status()).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe(message);
  });

  test('sorts on the server like the other tables, with the sort in the URL', async ({
    page,
    baseURL,
  }) => {
    const { username, state } = await newViewer(page, baseURL!, 'Sorter');
    // Two refusals after the sign-in give the viewer three rows with three different actions.
    const viewer = await playwrightRequest.newContext({ baseURL, storageState: state });
    try {
      const refused = [
        await viewer.delete('/api/v1/rooms/nowhere', { headers: sameOrigin }),
        await viewer.post('/api/v1/rooms', { data: { roomName: 'nowhere' }, headers: sameOrigin }),
      ];
      expect(refused.map((res) => res.status())).toEqual([403, 403]);
    } finally {
      await viewer.dispose();
    }

    await page.goto(`/audit?actor=${username}`);
    const table = page.getByRole('table', { name: 'Audit events' });
    const actions = auditRows(page).getByRole('row').locator('[role="cell"]:nth-child(6)');
    const newestFirst = ['room.created', 'room.deleted', 'auth.signed_in'];
    await expect(actions).toHaveText(newestFirst);
    await expect(table.getByRole('columnheader', { name: 'Time' })).toHaveAttribute(
      'aria-sort',
      'descending',
    );

    const action = table.getByRole('columnheader', { name: 'Action' });
    await action.getByRole('button').click();
    await expect(page).toHaveURL(/sort=action\.asc/);
    await expect(action).toHaveAttribute('aria-sort', 'ascending');
    await expect(table.getByRole('columnheader', { name: 'Time' })).toHaveAttribute(
      'aria-sort',
      'none',
    );
    await expect(actions).toHaveText(['auth.signed_in', 'room.created', 'room.deleted']);

    await action.getByRole('button').click();
    await expect(page).toHaveURL(/sort=action\.desc/);
    await expect(actions).toHaveText(['room.deleted', 'room.created', 'auth.signed_in']);
    await page.reload();
    await expect(actions).toHaveText(['room.deleted', 'room.created', 'auth.signed_in']);

    // Rows move like the other tables' rows: Home and End jump to the first and last.
    const rows = auditRows(page).getByRole('row');
    await rows.first().focus();
    await page.keyboard.press('End');
    await expect(rows.last()).toBeFocused();
    await page.keyboard.press('Home');
    await expect(rows.first()).toBeFocused();

    await page.goBack();
    await expect(actions).toHaveText(['auth.signed_in', 'room.created', 'room.deleted']);
    await page.goBack();
    await expect(actions).toHaveText(newestFirst);
  });
});
