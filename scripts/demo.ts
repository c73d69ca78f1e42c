/**
 * `npm run demo`: the dashboard on its embedded defaults. Starts the built-in LiveKit stand-in
 * (demo rooms, simulated activity) and `next start` on http://localhost:3000 in demo mode, prints
 * the demo logins, and stops both together on Ctrl-C. Builds the app first when there is no build.
 * Flags: `npm run demo -- --help` (scripts/demo/options.ts).
 *
 * CAUTION: demo mode creates accounts with published passwords. Never use it for a real deployment.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

import { startStandin } from '@moderato/livekit-standin';

import { readDemoOptions, USAGE, UsageError, type DemoOptions } from './demo/options';
import { portIsFree } from './demo/port-check';

const root = path.resolve(__dirname, '..');

/** Refuses, in one line, a port that is already taken, naming the flag that picks another. */
async function checkPorts(options: DemoOptions): Promise<void> {
  const ports = [
    { flag: '--port', what: 'the dashboard', host: options.host, port: options.port },
    {
      flag: '--livekit-port',
      what: 'the LiveKit stand-in',
      host: '127.0.0.1',
      port: options.livekitPort,
    },
  ];
  for (const { flag, what, host, port } of ports) {
    if (!(await portIsFree(host, port))) {
      throw new UsageError(
        `Port ${port} is already in use, so ${what} cannot start there; pick another with ${flag} N (e.g. ${flag} ${port + 10})`,
      );
    }
  }
}

function build(options: DemoOptions): void {
  const built = existsSync(path.join(root, '.next', 'BUILD_ID'));
  if (built && !options.rebuild) return;
  // Measured: a cold `next build` of this app takes ~45 s on a busy 2-core machine.
  console.log(
    built
      ? 'Rebuilding Moderato (about a minute on 2 cores)…'
      : 'Building Moderato for the first run: about a minute on a 2-core machine, less on more cores. Later runs start at once…',
  );
  const result = spawnSync('npx', ['next', 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

async function main(): Promise<void> {
  const options = readDemoOptions(process.argv.slice(2), process.env);
  if (options.help) {
    console.log(USAGE);
    return;
  }
  process.env.NEXT_TELEMETRY_DISABLED = '1';
  await checkPorts(options);
  build(options);

  const standin = await startStandin({
    port: options.livekitPort,
    seed: 'demo',
    simulate: options.simulate,
    cloud: options.cloud,
    remoteUnmute: options.remoteUnmute,
    keys: { devkey: 'secret' },
    // Signed webhooks to the dashboard started below, as a LiveKit configured for Moderato sends.
    webhooks: [
      `http://${['0.0.0.0', '::'].includes(options.host) ? '127.0.0.1' : options.host}:${options.port}/api/livekit/webhook`,
    ],
  });
  const behaviour = [
    options.cloud ? 'LiveKit Cloud mode: Move/Forward work' : 'self-hosted mode',
    options.remoteUnmute ? 'remote unmute on' : 'remote unmute off',
    options.simulate ? 'simulated activity' : 'no simulation',
  ].join(', ');
  console.log(`LiveKit stand-in (demo rooms; ${behaviour}) on ${standin.url}`);

  const port = String(options.port);
  // Run Next's own binary (not through npx) so stopping it here really stops the server.
  const nextBin = require.resolve('next/dist/bin/next', { paths: [root] });
  const next = spawn(process.execPath, [nextBin, 'start', '-H', options.host, '-p', port], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: {
      ...process.env,
      PORT: port,
      LIVEKIT_URL: standin.url,
      LIVEKIT_API_KEY: 'devkey',
      LIVEKIT_API_SECRET: 'secret',
      MODERATO_DEMO: '1',
      NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
    },
  });

  console.log(
    [
      '',
      `  Moderato demo → http://localhost:${port}`,
      '  Sign in as admin / admin-demo, moderator / moderator-demo or viewer / viewer-demo',
      '  (tenant accounts: acme / acme-demo, globex / globex-demo). Ctrl-C stops everything.',
      '',
    ].join('\n'),
  );

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    next.kill('SIGTERM');
    await standin.close();
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  next.on('exit', (code) => void stop(code ?? 0));
}

main().catch((err: unknown) => {
  if (err instanceof UsageError) {
    console.error(`npm run demo: ${err.message} (npm run demo -- --help lists the flags)`);
    process.exit(2);
  }
  console.error(err);
  process.exit(1);
});
