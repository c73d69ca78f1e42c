import type { BrowserContext } from '@playwright/test';

/**
 * When a page first renders a table cell reading `text`, as epoch ms (`performance.timeOrigin` +
 * `performance.now()`, comparable across frames and processes of one browser). Measured inside the
 * page: a MutationObserver notes each DOM change and the next animation frame looks for the cell.
 * Playwright's own waiting would add the test driver's time to the product's: its polling backs
 * off to 500 ms between looks, and the script it injects into each frame competes with the page
 * for the CPU while the page loads. Only frames whose path starts with `pathPrefix` are watched.
 * Call before the context opens the page. Every load of a watched frame reports once; the
 * returned function waits for the first report after it was called (call it before navigating).
 */
export async function reportCellRendered(
  context: BrowserContext,
  { pathPrefix, text }: { pathPrefix: string; text: string },
): Promise<() => (timeoutMs: number) => Promise<number>> {
  let waiting: ((atMs: number) => void) | null = null;
  await context.exposeBinding('moderatoBenchCellRendered', (_source, atMs: number) => {
    waiting?.(atMs);
    waiting = null;
  });
  await context.addInitScript(watchForCell, { pathPrefix, text });

  return () => {
    const rendered = new Promise<number>((resolve) => (waiting = resolve));
    return (timeoutMs) =>
      new Promise<number>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no cell reading ${text} within ${timeoutMs} ms`)),
          timeoutMs,
        );
        void rendered.then((atMs) => {
          clearTimeout(timer);
          resolve(atMs);
        });
      });
  };
}

/**
 * Runs in every frame of the context, before its own scripts (an init script). No named inner
 * functions: tsx wraps those in a helper that does not exist in the page.
 */
function watchForCell({ pathPrefix, text }: { pathPrefix: string; text: string }): void {
  if (!location.pathname.startsWith(pathPrefix)) return;
  let looking = false;
  const observer = new MutationObserver(() => {
    if (looking) return;
    looking = true;
    requestAnimationFrame(() => {
      looking = false;
      for (const cell of document.querySelectorAll('[role="cell"]')) {
        const box = cell.getBoundingClientRect();
        if (cell.textContent !== text || box.width === 0 || box.height === 0) continue;
        observer.disconnect();
        const page = window as unknown as { moderatoBenchCellRendered: (atMs: number) => void };
        page.moderatoBenchCellRendered(performance.timeOrigin + performance.now());
        return;
      }
    });
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
}
