import { existsSync } from 'node:fs';

import { devices, type PlaywrightTestConfig } from '@playwright/test';

/**
 * The browser every Playwright config here drives: Debian's Chromium when present (the machines
 * this runs on have no browser downloads), Playwright's own browser elsewhere.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SYSTEM_CHROMIUM = existsSync(CHROMIUM_PATH) ? CHROMIUM_PATH : undefined;

/** The `use` of each config's `chromium` project. */
export const chromiumUse = {
  ...devices['Desktop Chrome'],
  launchOptions: SYSTEM_CHROMIUM
    ? {
        executablePath: SYSTEM_CHROMIUM,
        args: ['--disable-dev-shm-usage', '--disable-background-networking'],
      }
    : {},
};

/** A list in the terminal; on CI also an HTML report in `outputFolder`. */
export function reporter(outputFolder = 'playwright-report'): PlaywrightTestConfig['reporter'] {
  return process.env.CI ? [['list'], ['html', { open: 'never', outputFolder }]] : 'list';
}
