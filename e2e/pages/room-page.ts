import type { Locator, Page } from '@playwright/test';

/** One room: facts, the participants table and the participant detail panel. */
export class RoomPage {
  readonly participants: Locator;
  readonly filter: Locator;
  readonly kindFilter: Locator;
  readonly details: Locator;

  constructor(private readonly page: Page) {
    this.participants = page.getByRole('table', { name: 'Participants' });
    this.filter = page.getByRole('searchbox', { name: /Filter participants/ });
    this.kindFilter = page.getByRole('combobox', { name: 'Participant kind' });
    this.details = page.getByRole('dialog');
  }

  async goto(roomName: string, search = ''): Promise<void> {
    await this.page.goto(`/rooms/${encodeURIComponent(roomName)}${search}`);
  }

  row(identity: string): Locator {
    return this.participants
      .getByRole('row')
      .filter({ has: this.page.getByRole('cell', { name: identity, exact: true }) });
  }

  /** The value shown next to a label in the room details card. */
  fact(label: string): Locator {
    return this.page
      .getByRole('region', { name: 'Room details' })
      .getByRole('term')
      .filter({ hasText: new RegExp(`^${label}$`) })
      .locator('xpath=following-sibling::dd[1]');
  }
}
