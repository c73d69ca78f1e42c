/**
 * What the dashboard benchmarks share: a production `next start` in demo mode pointed at a
 * stand-in, on a free loopback port with a fresh data dir, and Chromium to drive it.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

import { chromium, type Browser, type BrowserContext } from '@playwright/test';

import { SYSTEM_CHROMIUM } from '../../e2e/support/chromium';

export const ROOT = path.resolve(__dirname, '..', '..');
export const KEY = 'devkey';
export const SECRET = 'secret';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface Dashboard {
  url: string;
  proc: ChildProcess;
  stop(): void;
}

export interface DashboardOptions {
  /** Data dir of the embedded SQLite store (wiped first); default `.data/<name>`. */
  dataDir?: string;
  /** Extra environment for `next start`, applied last. */
  env?: Record<string, string | undefined>;
  /** Listen port, when something must know the URL before the server starts; default a free one. */
  port?: number;
}

/** `next start` (building first when there is no build) against `livekitUrl`. */
export async function startDashboard(
  name: string,
  livekitUrl: string,
  options: DashboardOptions = {},
): Promise<Dashboard> {
  if (!existsSync(path.join(ROOT, '.next', 'BUILD_ID'))) {
    console.error(`${name}: no production build, running next build…`);
    const build = spawnSync('npx', ['next', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('next build failed');
  }
  const port = options.port ?? (await freePort());
  const dataDir = options.dataDir ?? path.join(ROOT, '.data', name.replace(':', '-'));
  rmSync(dataDir, { recursive: true, force: true });
  const url = `http://127.0.0.1:${port}`;
  const proc = spawn('npx', ['next', 'start', '-H', '127.0.0.1', '-p', String(port)], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    // Its own process group, so stop() ends npx and next-server together.
    detached: true,
    env: {
      ...process.env,
      NEXTAUTH_URL: url,
      NEXTAUTH_SECRET: 'bench-secret-not-for-production-0123456789abcdef',
      LIVEKIT_URL: livekitUrl,
      LIVEKIT_API_KEY: KEY,
      LIVEKIT_API_SECRET: SECRET,
      MODERATO_DATA_DIR: dataDir,
      MODERATO_DEMO: '1',
      NEXT_TELEMETRY_DISABLED: '1',
      ...options.env,
    },
  });
  const stop = () => {
    if (proc.pid) process.kill(-proc.pid, 'SIGTERM');
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { url, proc, stop };
    await new Promise((r) => setTimeout(r, 250));
  }
  stop();
  throw new Error('next start did not become healthy');
}

/** The tests' Chromium (e2e/support/chromium.ts): Debian's when present, else Playwright's. */
export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: SYSTEM_CHROMIUM,
    args: ['--disable-dev-shm-usage', ...extraArgs],
  });
}

/** Signs a browser context in with a demo account through next-auth's credentials endpoint. */
export async function signIn(context: BrowserContext, username: string, password: string) {
  const { csrfToken } = (await (await context.request.get('/api/auth/csrf')).json()) as {
    csrfToken: string;
  };
  await context.request.post('/api/auth/callback/credentials', {
    form: { csrfToken, username, password, json: 'true' },
    maxRedirects: 0,
  });
}
