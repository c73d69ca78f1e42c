import type { Page } from '@playwright/test';

import { expect, test, uniqueSuffix } from '../fixtures';
import { RoomPage } from '../pages/room-page';
import { seriousViolations } from '../support/axe';

/** Issue 9 §11: find a participant across all rooms from the rooms page, tenant rules applied. */

function finder(page: Page) {
  const box = page.getByRole('searchbox', { name: 'Find participant' });
  const results = page.getByRole('table', { name: /^Participants matching/ });
  return {
    box,
    results,
    /** The result row's identity link, named after the participant and their room. */
    match: (identity: string, roomName: string) =>
      results.getByRole('link', { name: `${identity} in ${roomName}`, exact: true }),
    noMatch: (query: string) => page.getByText(`No participant matches “${query}”`),
  };
}

test.describe('as an admin', () => {
  test.use({ account: 'admin' });

  test('finds participants by identity and by name across rooms, and opens one in its room', async ({
    page,
    livekit,
  }) => {
    // A long walk (two searches, a reload, a room and back) on a shared, busy machine.
    test.setTimeout(60_000);
    const hex = uniqueSuffix();
    const ann = `ann-${hex}`;
    const bo = `bo-${hex}`;
    const east = await livekit.seedRoom(livekit.roomName('east'), [
      { identity: ann, name: 'Ann Example' },
      { identity: `carl-${hex}`, name: 'Carl' },
    ]);
    const west = await livekit.seedRoom(livekit.roomName('west'), [
      {
        identity: bo,
        name: `Bo Zebedee ${hex}`,
        tracks: [{ type: 'AUDIO', source: 'MICROPHONE' }],
      },
    ]);
    await page.goto('/rooms');
    const find = finder(page);

    // By identity, case-insensitively: typing alone runs the search once it pauses.
    await find.box.fill(`ANN-${hex}`);
    await expect(find.match(ann, east)).toBeVisible();
    await expect(find.results.getByRole('row')).toHaveCount(2); // header + Ann
    await expect(page).toHaveURL(new RegExp(`[?&]participant=ANN-${hex}`));

    // By part of the display name, submitted with Enter; the row comes from the other room.
    await find.box.fill(`zebedee ${hex}`);
    await find.box.press('Enter');
    await expect(find.match(bo, west)).toBeVisible();
    await expect(
      find.results.getByRole('row').filter({ hasText: `Bo Zebedee ${hex}` }),
    ).toContainText(west);
    await expect(find.results.getByRole('row')).toHaveCount(2);

    // Both rooms at once, and the search survives a reload.
    await find.box.fill(hex);
    await find.box.press('Enter');
    await expect(find.match(ann, east)).toBeVisible();
    await expect(find.match(bo, west)).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.reload();
    await expect(find.box).toHaveValue(hex);
    await expect(find.match(bo, west)).toBeVisible();

    // Opening a match (from the keyboard) shows its room with that participant's details.
    await find.match(bo, west).focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(
      `/rooms/${encodeURIComponent(west)}?participant=${encodeURIComponent(bo)}`,
    );
    // The panel is modal, so the page's own heading is hidden from the accessibility tree.
    const room = new RoomPage(page);
    await expect(room.details).toHaveAccessibleName(`Bo Zebedee ${hex}`);
    await expect(room.details.getByText(`Participant ${bo}`)).toBeVisible();

    // Back returns to the search; once Bo has left LiveKit, searching again no longer finds them.
    await page.goBack();
    await expect(find.box).toHaveValue(hex);
    await livekit.control.leave(west, bo);
    expect(await livekit.control.participant(west, bo)).toBeUndefined();
    await find.box.press('Enter');
    await expect(find.match(bo, west)).toHaveCount(0);
    await expect(find.match(ann, east)).toBeVisible();
  });

  test('says when no participant matches', async ({ page, livekit }) => {
    const query = `nobody-${uniqueSuffix()}`;
    await livekit.seedRoom(livekit.roomName('quiet'), [{ identity: `somebody-${uniqueSuffix()}` }]);
    await page.goto(`/rooms?participant=${encodeURIComponent(query)}`);
    const find = finder(page);

    await expect(find.box).toHaveValue(query);
    await expect(find.noMatch(query)).toBeVisible();
    await expect(find.results).toHaveCount(0);
    expect(await seriousViolations(page)).toEqual([]);
  });
});

test.describe('as a tenant user', () => {
  test.use({ account: 'acme' });

  test('finds its own tenant’s participant but never another tenant’s, even by the same name', async ({
    page,
    livekit,
  }) => {
    const hex = uniqueSuffix();
    const shared = `Pat Shared ${hex}`;
    const ours = await livekit.seedRoom(
      livekit.roomName('acme'),
      [{ identity: `pat-acme-${hex}`, name: shared }],
      { metadata: '{"auth_id":"acme"}' },
    );
    const theirs = await livekit.seedRoom(
      livekit.roomName('globex'),
      [{ identity: `pat-globex-${hex}`, name: shared }],
      { metadata: '{"auth_id":"globex"}' },
    );
    // The other tenant's participant really is in LiveKit: only the tenant rule hides them.
    expect(await livekit.control.participant(theirs, `pat-globex-${hex}`)).toBeDefined();
    await page.goto('/rooms');
    const find = finder(page);

    await find.box.fill(shared);
    await find.box.press('Enter');
    await expect(find.match(`pat-acme-${hex}`, ours)).toBeVisible();
    await expect(find.results.getByRole('row')).toHaveCount(2);
    await expect(find.results).not.toContainText(theirs);

    const query = `pat-globex-${hex}`;
    await find.box.fill(query);
    await find.box.press('Enter');
    await expect(find.noMatch(query)).toBeVisible();
    await expect(page.getByText(theirs)).toHaveCount(0);
  });
});
