/** Fixed loopback ports of the e2e servers (playwright.config.ts starts them). */
export const E2E = {
  livekitPort: 7890,
  oidcPort: 7895,
  dashboardPort: 3100,
  /** The main dashboard's portal endpoints on a port of their own (MODERATO_API_PORT). */
  dashboardApiPort: 3104,
  /** A second dashboard whose LiveKit (this port) the outage spec starts and stops itself. */
  outageDashboardPort: 3101,
  outageLivekitPort: 7891,
  /** A stand-in in LiveKit Cloud mode (`--cloud`: Move/Forward work) and its dashboard. */
  cloudLivekitPort: 7892,
  cloudDashboardPort: 3102,
  /** The real-client suite (playwright.clients.config.ts): its own stand-in and dashboard. */
  clientsLivekitPort: 7893,
  clientsDashboardPort: 3103,
} as const;
