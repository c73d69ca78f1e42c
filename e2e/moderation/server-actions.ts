import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Counts the server-action POSTs a page sends (`Next-Action` header), so a spec can wait until
 * every one has been answered and then say how many there were. Next runs a page's actions one
 * after another, so a duplicate is only sent once the first is answered: waiting for "none in
 * flight" after the visible outcome is what lets a second call show up before counting.
 */
export class ServerActions {
  private started = 0;
  private finished = 0;

  constructor(page: Page) {
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.headers()['next-action']) this.started += 1;
    });
    const done = (request: { method(): string; headers(): Record<string, string> }) => {
      if (request.method() === 'POST' && request.headers()['next-action']) this.finished += 1;
    };
    page.on('requestfinished', done);
    page.on('requestfailed', done);
  }

  /** Waits until every action sent so far has been answered, and returns how many were sent. */
  async settledCount(): Promise<number> {
    await expect.poll(() => this.started - this.finished).toBe(0);
    return this.started;
  }
}

/**
 * Two clicks in one task: the second arrives before React has rendered the first one's pending
 * state (a disabled button), which is what a quick double click on a busy machine does.
 */
export async function clickTwiceAtOnce(control: Locator): Promise<void> {
  await control.evaluate((element: HTMLElement) => {
    element.click();
    element.click();
  });
}
