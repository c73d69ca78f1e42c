import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * The multi-instance deployment the e2e-multi specs run against: one LiveKit stand-in and two
 * `next start` instances sharing one PostgreSQL database and one Redis, like two instances behind
 * a load balancer (README, "Running several instances"). The global setup starts it; the restart
 * spec stops and starts an instance itself, so the processes are ours, not Playwright's webServer.
 */

export const ROOT = path.resolve(__dirname, '..', '..');
/** Logs and the run file; wiped at every start. */
export const RUN_DIR = path.join(ROOT, '.data', 'e2e-multi');
const RUN_FILE = path.join(RUN_DIR, 'run.json');

/** Loopback ports, apart from the main suite's (e2e/support/ports.ts). */
export const MULTI = {
  standinPort: 7896,
  instances: { a: 3110, b: 3111 },
  /** Instance A's dedicated webhook port (MODERATO_WEBHOOK_PORT), where the stand-in posts. */
  webhookPort: 3112,
} as const;
export type InstanceName = keyof typeof MULTI.instances;
export const INSTANCE_NAMES = Object.keys(MULTI.instances) as InstanceName[];
type ProcessName = InstanceName | 'standin';

export const STANDIN_URL = `http://127.0.0.1:${MULTI.standinPort}`;
export const instanceUrl = (name: InstanceName) => `http://127.0.0.1:${MULTI.instances[name]}`;

export const LIVEKIT_KEY = 'devkey';
export const LIVEKIT_SECRET = 'secret';

/**
 * The reconciliation interval of both instances. Long on purpose: within a test, every event then
 * comes from a webhook or a moderator action, never from a reconciliation pass that happened to
 * list the room first — so "it came through Redis from A's webhook" is what the specs observe.
 */
const RECONCILE_MS = 60_000;

/** What one run shares between the global setup, the specs and the teardown. */
export interface Run {
  /** The throw-away database of this run, and the server it lives on. */
  databaseUrl: string;
  adminUrl: string;
  databaseName: string;
  redisUrl: string;
  /** NEXTAUTH_SECRET of both instances; per run, so Redis-kept throttle keys never carry over. */
  secret: string;
  /** Process-group leaders of what this run started (stopped with the group). */
  pids: Partial<Record<ProcessName, number>>;
}

export function readRun(): Run {
  return JSON.parse(readFileSync(RUN_FILE, 'utf8')) as Run;
}

/** The run of an earlier, interrupted invocation, if it left its file behind. */
export function readStaleRun(): Run | null {
  try {
    return readRun();
  } catch {
    return null;
  }
}

export function writeRun(run: Run): void {
  mkdirSync(RUN_DIR, { recursive: true });
  writeFileSync(RUN_FILE, JSON.stringify(run, null, 2));
}

function recordPid(name: ProcessName, pid: number | undefined): void {
  const run = readRun();
  if (pid === undefined) delete run.pids[name];
  else run.pids[name] = pid;
  writeRun(run);
}

/** The environment of one instance: everything several instances must share, plus its own URL. */
function instanceEnv(name: InstanceName, run: Run): NodeJS.ProcessEnv {
  const url = instanceUrl(name);
  return {
    ...process.env,
    PORT: String(MULTI.instances[name]),
    NEXTAUTH_URL: url,
    NEXTAUTH_SECRET: run.secret,
    DATABASE_URL: run.databaseUrl,
    REDIS_URL: run.redisUrl,
    LIVEKIT_URL: STANDIN_URL,
    LIVEKIT_API_KEY: LIVEKIT_KEY,
    LIVEKIT_API_SECRET: LIVEKIT_SECRET,
    // Only the generated-secret fallback would use it; kept apart from the other suites'.
    MODERATO_DATA_DIR: path.join(RUN_DIR, `data-${name}`),
    MODERATO_DEMO: '1',
    MODERATO_RECONCILE_MS: String(RECONCILE_MS),
    // A takes webhooks on a port of its own, as the README advises for high event rates: this
    // suite then covers that door end to end (the main suite covers the route).
    ...(name === 'a'
      ? { MODERATO_WEBHOOK_PORT: String(MULTI.webhookPort), MODERATO_WEBHOOK_HOST: '127.0.0.1' }
      : { MODERATO_WEBHOOK_PORT: '' }),
    // The throttling spec plays clients through `x-forwarded-for`, as a load balancer sends it.
    TRUSTED_PROXY_HOPS: '1',
    NEXT_TELEMETRY_DISABLED: '1',
  };
}

/** Starts a command in its own process group, output appended to `<name>.log`; returns its pid. */
function startProcess(name: ProcessName, args: string[], env: NodeJS.ProcessEnv): number {
  mkdirSync(RUN_DIR, { recursive: true });
  const log = openSync(path.join(RUN_DIR, `${name}.log`), 'a');
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env,
    stdio: ['ignore', log, log],
    // Its own group: stopping it ends next-server (a child of `next start`) too, and the process
    // outlives the Playwright worker that restarted it until the teardown stops it.
    detached: true,
  });
  closeSync(log);
  child.unref();
  if (child.pid === undefined) throw new Error(`${name}: could not start ${args.join(' ')}`);
  return child.pid;
}

function alive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Waits until `url` answers 2xx; fails early, with the log's tail, if the process exits. */
async function waitUntilUp(name: ProcessName, pid: number, url: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const up = await fetch(url, { signal: AbortSignal.timeout(2000) }).then(
      (res) => res.ok,
      () => false,
    );
    if (up) return;
    if (!alive(pid)) break;
    await sleep(200);
  }
  const log = readFileSync(path.join(RUN_DIR, `${name}.log`), 'utf8');
  throw new Error(`${name} did not come up on ${url}:\n${log.slice(-3000)}`);
}

/** The stand-in, delivering signed webhooks to instance A only, on A's dedicated webhook port. */
export async function startStandin(): Promise<void> {
  const cli = path.join(ROOT, 'dev', 'livekit-standin', 'bin', 'livekit-standin.mjs');
  const pid = startProcess(
    'standin',
    [
      cli,
      ...['--port', String(MULTI.standinPort), '--seed', 'none', '--stall-ms', '300'],
      ...['--webhook', `http://127.0.0.1:${MULTI.webhookPort}/api/livekit/webhook`],
    ],
    {
      ...process.env,
      LIVEKIT_API_KEY: LIVEKIT_KEY,
      LIVEKIT_API_SECRET: LIVEKIT_SECRET,
      STANDIN_WEBHOOKS: '',
    },
  );
  recordPid('standin', pid);
  await waitUntilUp('standin', pid, `${STANDIN_URL}/`);
}

/** `next start` for one instance (after `next build`), up once /api/health answers. */
export async function startInstance(name: InstanceName): Promise<void> {
  const next = path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next');
  const port = String(MULTI.instances[name]);
  const pid = startProcess(
    name,
    [next, 'start', '-H', '127.0.0.1', '-p', port],
    instanceEnv(name, readRun()),
  );
  recordPid(name, pid);
  await waitUntilUp(name, pid, `${instanceUrl(name)}/api/health`);
}

/**
 * Stops what this run started under `name`: SIGTERM to its group (Next shuts down gracefully),
 * SIGKILL if it is still there after 15 s. Says whether it had to be killed.
 */
export async function stopProcess(name: ProcessName): Promise<{ killed: boolean }> {
  const pid = readRun().pids[name];
  let killed = false;
  if (pid === undefined) return { killed };
  if (alive(pid)) {
    process.kill(-pid, 'SIGTERM');
    const deadline = Date.now() + 15_000;
    while (alive(pid) && Date.now() < deadline) await sleep(100);
    if (alive(pid)) {
      console.warn(`[e2e-multi] ${name} was still running 15 s after SIGTERM; killing it`);
      process.kill(-pid, 'SIGKILL');
      killed = true;
    }
    while (alive(pid)) await sleep(50);
  }
  recordPid(name, undefined);
  return { killed };
}

/**
 * Stops what an interrupted earlier run left behind (a killed runner skips the teardown, and the
 * detached servers outlive it): only processes whose command line is still the one that run
 * started here, so a pid reused by something else is never touched.
 */
export async function stopStaleProcesses(stale: Run): Promise<void> {
  for (const [name, pid] of Object.entries(stale.pids) as Array<[ProcessName, number]>) {
    let commandLine = '';
    try {
      commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
    } catch {
      continue;
    }
    const port = name === 'standin' ? MULTI.standinPort : MULTI.instances[name];
    if (!commandLine.includes(ROOT) || !commandLine.includes(String(port))) continue;
    process.kill(-pid, 'SIGKILL');
    while (alive(pid)) await sleep(50);
  }
}

/** Restarts an instance: the same environment, a new process (a deploy, a crash-and-restart). */
export async function restartInstance(name: InstanceName): Promise<void> {
  await stopProcess(name);
  await startInstance(name);
}
