import type { Page } from '@playwright/test';
import { TokenVerifier } from 'livekit-server-sdk';

import { expect, test, uniqueSuffix } from '../fixtures';
import { seriousViolations } from '../support/axe';
import { callOperation } from '../support/openapi';
import { E2E } from '../support/ports';

// The admin's token generator (docs/tokens.md). Tokens are checked the way LiveKit checks them:
// verified with the API secret, then read field by field.
const BASE_URL = `http://127.0.0.1:${E2E.dashboardPort}`;
const verifier = new TokenVerifier('devkey', 'secret');
const MEET = 'https://meet.livekit.io/custom?liveKitUrl={url}&token={token}';

test.use({ account: 'admin', extraHTTPHeaders: { origin: BASE_URL } });
test.describe.configure({ timeout: 60_000 });

function generator(page: Page) {
  return page.getByRole('region', { name: 'Generate a token' });
}

/** Fills the identity and room; the rest keeps the form's defaults unless a test changes it. */
async function fillBasics(page: Page, identity: string, room: string) {
  const form = generator(page);
  await form.getByLabel('Identity', { exact: true }).fill(identity);
  await form.getByLabel('Room', { exact: true }).fill(room);
}

test('admin generates a token with every kind of field and reads it back decoded', async ({
  page,
  livekit,
}) => {
  const room = await livekit.seedRoom(livekit.roomName('tokens'));
  const identity = `guest-${uniqueSuffix()}`;
  await page.goto('/rooms');
  await page.getByRole('navigation').getByRole('link', { name: 'Tokens' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tokens' })).toBeVisible();

  const form = generator(page);
  // The defaults: a participant that joins, publishes, subscribes and sends data.
  for (const name of ['Join the room', 'Can publish', 'Can subscribe', 'Can publish data']) {
    await expect(form.getByRole('checkbox', { name, exact: true })).toBeChecked();
  }
  await expect(form.getByRole('checkbox', { name: 'Room admin', exact: true })).not.toBeChecked();

  await fillBasics(page, identity, room);
  await form.getByLabel('Display name').fill('Guest Speaker');
  await form.getByLabel('Valid for (minutes)').fill('30');
  await form.getByLabel('Participant metadata').fill('{"seat":"A1"}');
  await form.getByRole('button', { name: 'Add attribute' }).click();
  await form.getByLabel('Attribute 1 key').fill('team');
  await form.getByLabel('Attribute 1 value').fill('red');
  await form.getByRole('checkbox', { name: 'Can publish data', exact: true }).uncheck();
  await form.getByRole('checkbox', { name: 'Hidden', exact: true }).check();
  await form.getByRole('checkbox', { name: 'Room admin', exact: true }).check();
  await form.getByRole('checkbox', { name: 'List rooms', exact: true }).check();
  await form.getByRole('checkbox', { name: 'Microphone', exact: true }).check();
  await form.getByRole('checkbox', { name: 'Screen share', exact: true }).check();
  await form.getByLabel('Include a room configuration').check();
  await form.getByLabel('Max participants').fill('5');
  await form.getByRole('button', { name: 'Add agent dispatch' }).click();
  await form.getByLabel('Agent 1 name').fill('scribe');
  await form.getByLabel('Agent 1 metadata').fill('{"lang":"en"}');
  await form.getByRole('button', { name: 'Generate token' }).click();

  const result = page.getByRole('region', { name: `Token for ${identity}` });
  await expect(result.getByRole('heading', { name: `Token for ${identity}` })).toBeFocused();
  const token = await result.getByRole('textbox', { name: `Token for ${identity}` }).inputValue();
  await expect(result.getByRole('button', { name: `Copy token for ${identity}` })).toBeVisible();
  await expect(result.getByText('It is shown only this once.')).toBeVisible();

  const claims = await verifier.verify(token);
  // The decoded view is exactly what the token carries.
  expect(
    JSON.parse(await result.getByLabel('Decoded claims', { exact: true }).innerText()),
  ).toEqual(claims);
  expect(
    JSON.parse(await result.getByLabel('Decoded header', { exact: true }).innerText()),
  ).toEqual({
    alg: 'HS256',
  });
  expect(claims).toMatchObject({
    sub: identity,
    name: 'Guest Speaker',
    metadata: '{"seat":"A1"}',
    attributes: { team: 'red' },
  });
  // Checked grants, and the unchecked ones LiveKit would otherwise assume; nothing else.
  expect(claims.video).toEqual({
    roomJoin: true,
    room,
    canPublish: true,
    canSubscribe: true,
    canPublishData: false,
    hidden: true,
    roomAdmin: true,
    roomList: true,
    canPublishSources: ['microphone', 'screen_share'],
  });
  expect(claims.exp! - claims.nbf!).toBe(30 * 60);
  expect(claims.roomConfig).toMatchObject({
    maxParticipants: 5,
    agents: [expect.objectContaining({ agentName: 'scribe', metadata: '{"lang":"en"}' })],
  });
  await expect(result).toContainText(
    new Date(claims.exp! * 1000).toISOString().slice(0, 19).replace('T', ' '),
  );

  const link = await result
    .getByRole('textbox', { name: `Join link for ${identity}` })
    .inputValue();
  expect(link).toContain(token);
  const open = result.getByRole('link', { name: `Open join link for ${identity}` });
  await expect(open).toHaveAttribute('href', link);
  await expect(open).toHaveAttribute('target', '_blank');

  await expect(result.getByRole('button', { name: 'Copy decoded claims' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  // Shown once: dismissed, it is gone from the page.
  await result.getByRole('button', { name: 'Dismiss token' }).click();
  await expect(result).toHaveCount(0);
  await expect(page.locator('body')).not.toContainText(token.slice(-20));
});

test('a banned identity gets no token, and the form says why', async ({
  page,
  livekit,
  request,
}) => {
  const room = await livekit.seedRoom(livekit.roomName('tokens-ban'), [{ identity: 'mallory' }]);
  const ban = await callOperation(request, 'banParticipant', {
    roomName: room,
    identity: 'mallory',
    reason: 'Token spec',
    durationSeconds: 3600,
  });
  expect(ban.status, ban.text).toBe(201);

  await page.goto('/tokens');
  await fillBasics(page, 'mallory', room);
  await generator(page).getByRole('button', { name: 'Generate token' }).click();
  // The end of the ban, as the pages write times.
  await expect(page.getByRole('main').getByRole('alert')).toContainText(
    new RegExp(
      `Not generated: mallory is banned from ${room} until \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC\\.`,
    ),
  );
  await expect(page.getByRole('region', { name: 'Token for mallory' })).toHaveCount(0);

  // A room the ban does not cover is fine.
  const other = await livekit.seedRoom(livekit.roomName('tokens-other'));
  await generator(page).getByLabel('Room', { exact: true }).fill(other);
  await generator(page).getByRole('button', { name: 'Generate token' }).click();
  await expect(page.getByRole('region', { name: 'Token for mallory' })).toBeVisible();
  await expect(page.getByRole('main').getByRole('alert')).toHaveCount(0);
});

test('admin edits the join link template; new links follow it; reset goes back to LiveKit Meet', async ({
  page,
  livekit,
  request,
}) => {
  const room = await livekit.seedRoom(livekit.roomName('tokens link'));
  const identity = `linked-${uniqueSuffix()}`;
  try {
    await page.goto('/tokens');
    const card = page.getByRole('region', { name: 'Join link template' });
    const field = card.getByRole('textbox', { name: 'Join link template' });
    await expect(field).toHaveValue(MEET);

    await field.fill('https://join.example.com/r?t=');
    await card.getByRole('button', { name: 'Save join link template' }).click();
    await expect(card.getByText('Template must contain {token}')).toBeVisible();
    await field.fill('https://{room}.example.com/?t={token}');
    await card.getByRole('button', { name: 'Save join link template' }).click();
    await expect(card.getByText('Placeholders cannot be part of the site')).toBeVisible();

    const template = 'https://join.example.com/r/{room}?t={token}&u={identity}';
    await field.fill(template);
    await card.getByRole('button', { name: 'Save join link template' }).click();
    await expect(page.getByText('Join link template saved.')).toBeVisible();
    await expect(card).toContainText('Set for every tenant by admin');

    await page.reload();
    await expect(field).toHaveValue(template);
    await fillBasics(page, identity, room);
    await generator(page).getByRole('button', { name: 'Generate token' }).click();
    const result = page.getByRole('region', { name: `Token for ${identity}` });
    const token = await result.getByRole('textbox', { name: `Token for ${identity}` }).inputValue();
    await expect(result.getByRole('textbox', { name: `Join link for ${identity}` })).toHaveValue(
      `https://join.example.com/r/${encodeURIComponent(room)}?t=${token}&u=${identity}`,
    );

    await card.getByRole('button', { name: 'Reset join link template' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Reset the join link template?' });
    await confirm.getByRole('button', { name: 'Reset join link template' }).click();
    await expect(confirm).toBeHidden();
    await expect(field).toHaveValue(MEET);
    await expect(card).toContainText("LiveKit Meet's, built in.");
    await expect(card.getByRole('button', { name: 'Reset join link template' })).toHaveCount(0);
  } finally {
    await callOperation(request, 'setJoinLinkTemplate', { template: '' });
  }
});

test.describe('a moderator', () => {
  test.use({ account: 'moderator' });

  test('has no Tokens page and no nav link to it', async ({ page }) => {
    await page.goto('/rooms');
    await expect(page.getByRole('navigation').getByRole('link', { name: 'Rooms' })).toBeVisible();
    await expect(page.getByRole('navigation').getByRole('link', { name: 'Tokens' })).toHaveCount(0);
    const res = await page.goto('/tokens');
    expect(res?.status()).toBe(404);
  });
});
