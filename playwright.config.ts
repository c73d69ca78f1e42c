import path from 'node:path';

import { defineConfig } from '@playwright/test';

import { DASHBOARD_LOG } from './e2e/security/server-log';
import { dashboardEnv as baseDashboardEnv } from './e2e/support/dashboard-env';
import { chromiumUse, reporter } from './e2e/support/chromium';
import { E2E } from './e2e/support/ports';

/**
 * Browser and REST-contract tests against `next build` + `next start` (never `next dev`: see
 * TOOLCHAIN.md pitfall 13). Servers started here:
 *  - the LiveKit stand-in (control API on) that every spec seeds through;
 *  - an OIDC identity provider (oidc-provider) for the SSO sign-in spec;
 *  - the dashboard, in demo mode (demo accounts), on a fresh data dir;
 *  - a second dashboard pointed at a LiveKit port the "LiveKit down" spec starts and stops itself.
 * Run `npm run build` first (scripts/test.sh does).
 */
const dashboardEnv = (port: number, livekitPort: number, dataDir: string) => ({
  ...baseDashboardEnv(port, livekitPort, dataDir),
  OIDC_ISSUER: `http://127.0.0.1:${E2E.oidcPort}`,
  OIDC_CLIENT_ID: 'moderato',
  OIDC_CLIENT_SECRET: 'moderato-e2e-secret',
  OIDC_DISPLAY_NAME: 'Local OIDC',
  // The e2e IdP's admin has no tenant claim and is meant to see every tenant.
  OIDC_UNBOUND_ALLOWED: 'true',
});

export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  timeout: 30_000,
  expect: { timeout: 7_000 },
  reporter: reporter(),
  use: {
    baseURL: `http://127.0.0.1:${E2E.dashboardPort}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      testIgnore: /bench\//,
      use: chromiumUse,
    },
  ],
  webServer: [
    {
      // Delivers signed webhooks to the main dashboard, like a LiveKit configured for Moderato.
      command: `npx livekit-standin --port ${E2E.livekitPort} --seed none --stall-ms 300 --webhook http://127.0.0.1:${E2E.dashboardPort}/api/livekit/webhook`,
      url: `http://127.0.0.1:${E2E.livekitPort}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 30_000,
      env: { LIVEKIT_API_KEY: 'devkey', LIVEKIT_API_SECRET: 'secret' },
    },
    {
      command: 'npx tsx e2e/support/oidc-server.ts',
      url: `http://127.0.0.1:${E2E.oidcPort}/.well-known/openid-configuration`,
      reuseExistingServer: !process.env.CI,
      timeout: 30_000,
      env: {
        OIDC_PORT: String(E2E.oidcPort),
        OIDC_REDIRECT_BASE: `http://127.0.0.1:${E2E.dashboardPort}`,
      },
    },
    {
      // Its output is also kept in a file the security specs read for stack traces, and still
      // shown on stderr like the other servers' ([WebServer] lines).
      command: `mkdir -p ${path.dirname(DASHBOARD_LOG)} && npx next start -H 127.0.0.1 -p ${E2E.dashboardPort} 2>&1 | tee ${DASHBOARD_LOG} >&2`,
      url: `http://127.0.0.1:${E2E.dashboardPort}/api/health`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
      env: {
        ...dashboardEnv(E2E.dashboardPort, E2E.livekitPort, '.data/e2e-main'),
        // e2e/api/portal.spec.ts checks the portal endpoints on this port answer as the routes do.
        MODERATO_API_PORT: String(E2E.dashboardApiPort),
        MODERATO_API_HOST: '127.0.0.1',
      },
    },
    {
      command: `npx next start -H 127.0.0.1 -p ${E2E.outageDashboardPort}`,
      url: `http://127.0.0.1:${E2E.outageDashboardPort}/api/health`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
      env: dashboardEnv(E2E.outageDashboardPort, E2E.outageLivekitPort, '.data/e2e-outage'),
    },
    {
      command: `npx livekit-standin --port ${E2E.cloudLivekitPort} --seed none --stall-ms 300 --cloud --quiet`,
      url: `http://127.0.0.1:${E2E.cloudLivekitPort}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 30_000,
      env: { LIVEKIT_API_KEY: 'devkey', LIVEKIT_API_SECRET: 'secret' },
    },
    {
      command: `npx next start -H 127.0.0.1 -p ${E2E.cloudDashboardPort}`,
      url: `http://127.0.0.1:${E2E.cloudDashboardPort}/api/health`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
      env: dashboardEnv(E2E.cloudDashboardPort, E2E.cloudLivekitPort, '.data/e2e-cloud'),
    },
  ],
});
