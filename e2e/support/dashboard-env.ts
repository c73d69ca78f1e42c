/**
 * Environment of a `next start` dashboard under test: demo accounts, a fresh embedded store in
 * `dataDir`, and the stand-in on `livekitPort` with its dev key. Shared by the Playwright configs
 * (playwright.config.ts adds its OIDC provider on top).
 */
export const dashboardEnv = (port: number, livekitPort: number, dataDir: string) => ({
  PORT: String(port),
  NEXTAUTH_URL: `http://127.0.0.1:${port}`,
  NEXTAUTH_SECRET: 'e2e-secret-not-for-production-0123456789abcdef',
  LIVEKIT_URL: `http://127.0.0.1:${livekitPort}`,
  LIVEKIT_API_KEY: 'devkey',
  LIVEKIT_API_SECRET: 'secret',
  MODERATO_DATA_DIR: dataDir,
  MODERATO_DEMO: '1',
  MODERATO_REFRESH_MS: '1000',
  // Low enough for e2e/api/portal.spec.ts to reach a key's limit in a few calls.
  MODERATO_API_KEY_RATE: '40/min',
  // Specs play several clients from one machine through `x-forwarded-for` (e2e/auth/throttling).
  TRUSTED_PROXY_HOPS: '1',
  NEXT_TELEMETRY_DISABLED: '1',
});
