import { defineConfig } from '@playwright/test';

import { chromiumUse, reporter } from './e2e/support/chromium';

/**
 * The multi-instance suite (e2e-multi/): two `next start` instances sharing one PostgreSQL database
 * and one Redis, and a LiveKit stand-in whose webhooks reach only the first. The global setup
 * creates a throw-away database on TEST_POSTGRES_URL, uses TEST_REDIS_URL, and starts and stops
 * every server itself (a spec restarts an instance, which Playwright's webServer cannot).
 * Run `npm run build` first; scripts/test.sh runs it after the main suite when both are set.
 */
export default defineConfig({
  testDir: './e2e-multi',
  outputDir: './test-results/multi',
  globalSetup: './e2e-multi/global-setup.ts',
  // One deployment for every spec, and one of them restarts an instance: one at a time.
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 7_000 },
  reporter: reporter('playwright-report/multi'),
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: chromiumUse,
    },
  ],
});
