/**
 * `npm run demo`: the dashboard on its embedded defaults. Starts the built-in LiveKit stand-in
 * (demo rooms, simulated activity) and `next start` on http://localhost:3000 in demo mode, prints
 * the demo logins, and stops both together on Ctrl-C. Builds the app first when there is no build.
 *
 * CAUTION: demo mode creates accounts with published passwords. Never use it for a real deployment.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { startStandin } from '@moderato/livekit-standin';

const root = path.resolve(__dirname, '..');
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '3000' },
    // Loopback only: demo accounts have published passwords.
    host: { type: 'string', default: '127.0.0.1' },
    'livekit-port': { type: 'string', default: '7880' },
    rebuild: { type: 'boolean', default: false },
    'no-simulate': { type: 'boolean', default: false },
  },
});

async function main(): Promise<void> {
  process.env.NEXT_TELEMETRY_DISABLED = '1';
  if (values.rebuild || !existsSync(path.join(root, '.next', 'BUILD_ID'))) {
    console.log('Building Moderato (first run only, ~30 s)…');
    const build = spawnSync('npx', ['next', 'build'], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }

  const livekitPort = Number(values['livekit-port']);
  const standin = await startStandin({
    port: livekitPort,
    seed: 'demo',
    simulate: !values['no-simulate'],
    keys: { devkey: 'secret' },
  });
  console.log(`LiveKit stand-in (demo rooms) on ${standin.url}`);

  const port = values.port;
  // Run Next's own binary (not through npx) so stopping it here really stops the server.
  const nextBin = require.resolve('next/dist/bin/next', { paths: [root] });
  const next = spawn(process.execPath, [nextBin, 'start', '-H', values.host, '-p', port], {
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
  console.error(err);
  process.exit(1);
});
