import { existsSync } from 'node:fs';

import { defineConfig, devices } from '@playwright/test';

import { MEDIA_STANDIN_PORT } from './e2e-clients/media-participants';

/**
 * The media-forwarding spec on its own: real livekit-client pages (fake camera and microphone)
 * and a stand-in, no dashboard and no build needed. Media pages cost CPU: one test at a time.
 * `CI=1 npx playwright test -c playwright.media.config.ts --retries=0 --reporter=line`
 */
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Debian's Chromium here (no browser downloads offline); Playwright's own browser elsewhere.
const useSystemChromium = existsSync(chromiumPath);

export default defineConfig({
  testDir: './e2e-clients',
  testMatch: 'media-forwarding.spec.ts',
  outputDir: './test-results/media',
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: 'list',
  use: { trace: 'retain-on-failure' },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: useSystemChromium ? chromiumPath : undefined,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-dev-shm-usage',
            '--disable-background-networking',
            // A generated test pattern and tone instead of devices, and no permission prompt.
            '--use-fake-device-for-media-stream',
            '--use-fake-ui-for-media-stream',
          ],
        },
      },
    },
  ],
  webServer: {
    command: `npx livekit-standin --port ${MEDIA_STANDIN_PORT} --seed none`,
    url: `http://127.0.0.1:${MEDIA_STANDIN_PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 30_000,
    env: { LIVEKIT_API_KEY: 'devkey', LIVEKIT_API_SECRET: 'secret' },
  },
});
