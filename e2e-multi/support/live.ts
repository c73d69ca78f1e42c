import type { Page } from '@playwright/test';

import type { LiveEvent } from '@/lib/contracts/live-events';

/** The page header's live indicator (role="status": "Live" / "Reconnecting…"). */
export const liveIndicator = (page: Page) =>
  page.getByRole('status').filter({ hasText: /^(Live|Connecting…|Reconnecting…)$/ });

type RecordingWindow = Window & { __liveEvents?: LiveEvent[] };

/**
 * Keeps every event the page's own live stream delivers (the EventSource the app opens), so a
 * spec can tell where a change came from (`origin`, publishing instance) as well as see it. Call
 * before the page navigates.
 */
export async function recordLiveEvents(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: LiveEvent[] = [];
    (window as RecordingWindow).__liveEvents = seen;
    const Native = window.EventSource;
    window.EventSource = class extends Native {
      constructor(url: string | URL, init?: EventSourceInit) {
        super(url, init);
        this.addEventListener('message', (message) => {
          seen.push(JSON.parse((message as MessageEvent<string>).data) as LiveEvent);
        });
      }
    };
  });
}

/** The events recorded so far on the page (see recordLiveEvents). */
export function liveEvents(page: Page): Promise<LiveEvent[]> {
  return page.evaluate(() => (window as RecordingWindow).__liveEvents ?? []);
}
