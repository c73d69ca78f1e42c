import { readFile } from 'node:fs/promises';

import { request as playwrightRequest, type Locator, type Page } from '@playwright/test';
import { RoomServiceClient } from 'livekit-server-sdk';

import { expect, test, type LiveKitSeeder } from '../fixtures';
import { chooseAction, Standin } from '../moderation/support';
import { callOperation } from '../support/openapi';
import { E2E } from '../support/ports';

/**
 * Session history and the room timeline, driven through the stand-in (which delivers signed
 * webhooks to this dashboard) and its control API, asserted in the browser.
 */

const LIVEKIT_URL = `http://127.0.0.1:${E2E.livekitPort}`;
const standin = new Standin(LIVEKIT_URL);
const roomService = new RoomServiceClient(LIVEKIT_URL, 'devkey', 'secret');

/** The History page's row of one session, and a cell of it by column header. */
function sessionRow(page: Page, roomName: string): Locator {
  return page
    .getByRole('table', { name: /Room sessions/ })
    .getByRole('row', { name: roomName, exact: true });
}

async function cellTexts(row: Locator): Promise<string[]> {
  return row.getByRole('cell').allInnerTexts();
}

/** A room session's sid once the stand-in has the room. */
async function roomSid(roomName: string): Promise<string> {
  const room = await standin.room(roomName);
  if (!room) throw new Error(`no room ${roomName}`);
  return room.room.sid;
}

/** Seeds a room with three people; bob is removed, carol leaves, then the room is deleted. */
async function roomThatEnded(livekit: LiveKitSeeder, suffix: string, metadata?: string) {
  const name = await livekit.seedRoom(
    livekit.roomName(suffix),
    [
      { identity: 'alice', name: 'Alice', tracks: [{ type: 'AUDIO', source: 'MICROPHONE' }] },
      { identity: 'bob' },
      { identity: 'carol' },
    ],
    metadata ? { metadata } : {},
  );
  const sid = await roomSid(name);
  await roomService.removeParticipant(name, 'bob');
  await livekit.control.leave(name, 'carol');
  await livekit.deleteRoom(name);
  return { name, sid };
}

test.describe('session history', () => {
  test('an ended room is listed with its counts; its page gives each participant’s leave; the list exports as CSV', async ({
    page,
    livekit,
  }) => {
    // A long walk through three pages on a shared, busy machine.
    test.setTimeout(90_000);
    const { name, sid } = await roomThatEnded(livekit, 'ended');

    await page.goto('/history');
    await page.getByLabel('Room', { exact: true }).fill(name);
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(new RegExp(`q=${name}`));
    // Written a moment after the webhooks: reload until the session shows as ended.
    await expect(async () => {
      await page.reload();
      const cells = await cellTexts(sessionRow(page, name));
      expect(cells).toHaveLength(7);
      expect(cells[3]).not.toBe('Live');
      // Peak and total: three at once, three in all.
      expect(cells.slice(5)).toEqual(['3', '3']);
    }).toPass({ timeout: 15_000 });

    // Filters: ended keeps it, live hides it.
    await page.getByLabel('Status', { exact: true }).selectOption('live');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page.getByText('No room sessions')).toBeVisible();
    await page.getByLabel('Status', { exact: true }).selectOption('ended');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(sessionRow(page, name)).toBeVisible();
    // Dates the wrong way round are explained, not just found empty.
    await page.getByLabel('From (UTC)').fill('2030-01-01');
    await page.getByLabel('To (UTC)').fill('2020-01-01');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page.getByText('is after “To” (2020-01-01), so nothing can match')).toBeVisible();
    await page.getByLabel('From (UTC)').fill('');
    await page.getByLabel('To (UTC)').fill('');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(sessionRow(page, name)).toBeVisible();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Export CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^moderato-sessions-.+\.csv$/);
    const csv = (await readFile((await download.path())!, 'utf8')).trim().split('\r\n');
    expect(csv[0]).toBe(
      'room_sid,room_name,tenant,started_at,ended_at,duration_seconds,peak_participants,total_participants',
    );
    expect(csv).toHaveLength(2);
    expect(csv[1]).toMatch(new RegExp(`^${sid},${name},,\\d{4}-.+Z,\\d{4}-.+Z,\\d+,3,3$`));

    await sessionRow(page, name).getByRole('link', { name }).click();
    await expect(page).toHaveURL(`/history/${sid}`);
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    await expect(page.getByText('Ended session')).toBeVisible();
    const participants = page.getByRole('table', { name: /Participant sessions/ });
    const reason = async (identity: string) =>
      (await cellTexts(participants.getByRole('row', { name: identity, exact: true }))).at(-1);
    expect(await reason('alice')).toMatch(/the room was closed by a moderator/i);
    expect(await reason('bob')).toMatch(/removed by a moderator/i);
    expect(await reason('carol')).toBe('Left');
    // The session's timeline, newest first.
    const timeline = page.getByRole('list', { name: /Room activity/ });
    await expect(timeline.getByRole('listitem').first()).toContainText('Room ended');
    await expect(timeline.getByText('bob left — removed by a moderator')).toBeVisible();
    await expect(timeline.getByText('carol left', { exact: true })).toBeVisible();
    await expect(timeline.getByText('alice joined')).toBeVisible();
  });

  test.describe('as a tenant user', () => {
    test.use({ account: 'acme' });

    test('sees its own tenant’s sessions only', async ({ page, livekit, loginAs, baseURL }) => {
      const own = await livekit.seedRoom(livekit.roomName('acme'), [{ identity: 'ann' }], {
        metadata: '{"auth_id":"acme"}',
      });
      const other = await livekit.seedRoom(livekit.roomName('globex'), [{ identity: 'gil' }], {
        metadata: '{"auth_id":"globex"}',
      });
      const otherSid = await roomSid(other);
      // Both are recorded: the admin sees both.
      const admin = await playwrightRequest.newContext({
        baseURL,
        storageState: await loginAs('admin'),
      });
      try {
        await expect
          .poll(async () => {
            const answer = await callOperation(admin, 'listRoomSessions', {
              q: livekit.roomName(''),
            });
            const { sessions } = answer.body as { sessions: { roomName: string }[] };
            return sessions.map((s) => s.roomName).sort();
          })
          .toEqual([own, other].sort());
      } finally {
        await admin.dispose();
      }

      await page.goto(`/history?q=${encodeURIComponent(livekit.roomName(''))}`);
      await expect(sessionRow(page, own)).toBeVisible();
      await expect(sessionRow(page, other)).toHaveCount(0);
      // No tenant filter for a tenant-bound user, and asking for another tenant finds nothing.
      await expect(page.getByLabel('Tenant', { exact: true })).toHaveCount(0);
      await page.goto(`/history?tenant=globex&q=${encodeURIComponent(other)}`);
      await expect(page.getByText('No room sessions')).toBeVisible();
      // The other tenant's session page is a 404, like a session that never was.
      const response = await page.goto(`/history/${otherSid}`);
      expect(response?.status()).toBe(404);
      const api = await page.request.get(`/api/v1/rooms/${encodeURIComponent(other)}/events`);
      expect(api.status()).toBe(404);
    });
  });

  test('the room page’s timeline shows a join and a moderator’s mute as they happen', async ({
    page,
    livekit,
  }) => {
    const name = await livekit.seedRoom(livekit.roomName('live'), [
      { identity: 'alice', tracks: [{ type: 'AUDIO', source: 'MICROPHONE' }] },
    ]);
    await page.goto(`/rooms/${encodeURIComponent(name)}`);
    const timeline = page.getByRole('list', { name: /Room activity/ });
    await expect(timeline.getByText('alice joined')).toBeVisible();

    // No reload from here on: the entries arrive over the live stream.
    await livekit.addParticipant(name, { identity: 'bob' });
    await expect(timeline.getByRole('listitem').first()).toHaveText(/bob joined/);

    await chooseAction(page, 'alice', 'Mute microphone of alice');
    await expect(page.getByText('Muted microphone of alice.')).toBeVisible();
    // The actor's display name, then what they did.
    await expect(timeline.getByText(/ muted the microphone of alice$/)).toBeVisible();
    await expect(timeline.getByText('alice: Microphone muted')).toBeVisible();

    // Filter by kind: hiding moderator actions keeps the mute itself.
    await page.getByText('Moderator actions', { exact: true }).click();
    await expect(page.getByRole('checkbox', { name: 'Moderator actions' })).not.toBeChecked();
    await expect(timeline.getByText(/ muted the microphone of alice$/)).toHaveCount(0);
    await expect(timeline.getByText('alice: Microphone muted')).toBeVisible();
  });
});
