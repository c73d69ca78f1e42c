import type { Locator, Page } from '@playwright/test';

/** The rooms list: search box, sortable headers and one row per room. */
export class RoomsPage {
  readonly table: Locator;
  readonly search: Locator;

  constructor(private readonly page: Page) {
    this.table = page.getByRole('table', { name: 'Active rooms' });
    this.search = page.getByRole('searchbox', { name: 'Search rooms by name' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/rooms');
  }

  row(roomName: string): Locator {
    return this.table
      .getByRole('row')
      .filter({ has: this.page.getByRole('link', { name: roomName, exact: true }) });
  }

  /** The room names of the rendered rows, top to bottom. */
  async roomNames(): Promise<string[]> {
    return this.table.getByRole('row').getByRole('link').allTextContents();
  }

  columnHeader(name: string): Locator {
    return this.table.getByRole('columnheader', { name });
  }

  async sortBy(column: string): Promise<void> {
    await this.columnHeader(column).getByRole('button').click();
  }
}
