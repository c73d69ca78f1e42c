import { defineConfig } from '@playwright/test';

import { dashboardEnv } from './e2e/support/dashboard-env';
import { chromiumUse, reporter } from './e2e/support/chromium';
import { E2E } from './e2e/support/ports';

/**
 * The real-client suite (e2e-clients/): real `livekit-client` participants in Chromium pages join
 * a stand-in over WebRTC (dev/livekit-standin/README.md) and observe, as SDK events, what a
 * moderator does in the dashboard. Its own stand-in and dashboard, so the main suite's seeded
 * rooms and counts are not disturbed. Media pages cost CPU: one test at a time.
 * Run `npm run build` first; scripts/test.sh runs it after the main suite.
 */
export default defineConfig({
  testDir: './e2e-clients',
  outputDir: './test-results/clients',
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  timeout: 45_000,
  expect: { timeout: 7_000 },
  reporter: reporter('playwright-report/clients'),
  use: {
    baseURL: `http://127.0.0.1:${E2E.clientsDashboardPort}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: chromiumUse,
    },
  ],
  webServer: [
    {
      command: `npx livekit-standin --port ${E2E.clientsLivekitPort} --seed none --stall-ms 300 --webhook http://127.0.0.1:${E2E.clientsDashboardPort}/api/livekit/webhook`,
      url: `http://127.0.0.1:${E2E.clientsLivekitPort}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 30_000,
      env: { LIVEKIT_API_KEY: 'devkey', LIVEKIT_API_SECRET: 'secret' },
    },
    {
      command: `npx next start -H 127.0.0.1 -p ${E2E.clientsDashboardPort}`,
      url: `http://127.0.0.1:${E2E.clientsDashboardPort}/api/health`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
      env: dashboardEnv(E2E.clientsDashboardPort, E2E.clientsLivekitPort, '.data/e2e-clients'),
    },
  ],
});
