import { parseArgs } from 'node:util';
import { startStandin, type StandinOptions } from './index';

/*
 * CAUTION: development and testing only — no media, no WebRTC, an unauthenticated-by-design
 * control API for anyone holding a dev key. Run it on loopback.
 */

const USAGE = `Usage: livekit-standin [options]        (in the Moderato repo: npm run standin -- [options])

  --port N                 listen port (default 7880; 0 = random)        STANDIN_PORT
  --bind ADDR              bind address (default 127.0.0.1)              STANDIN_BIND
  --keys KEY:SECRET[,...]  API key pairs (default LIVEKIT_API_KEY/SECRET, else devkey:secret)
                                                                         STANDIN_KEYS
  --webhook URL            webhook URL, repeatable                       STANDIN_WEBHOOKS (comma-separated)
  --webhook-key KEY        key that signs webhooks (default: first key)  STANDIN_WEBHOOK_KEY
  --webhook-retry-ms N     first webhook retry delay (default 1000)      STANDIN_WEBHOOK_RETRY_MS
  --remote-unmute          room.enable_remote_unmute                     STANDIN_REMOTE_UNMUTE=1
  --cloud                  LiveKit Cloud Move/Forward behaviour          STANDIN_CLOUD=1
  --seed demo|none         seed demo rooms (default none)                STANDIN_SEED
  --simulate               demo activity every few seconds               STANDIN_SIMULATE=1
  --no-control             turn the /standin/v1 control API off          STANDIN_CONTROL=0
  --egress                 simulate Redis-backed egress/ingress          STANDIN_EGRESS=1
  --stall-ms N             psrpc no-responder delay (default 3000)       STANDIN_STALL_MS
  --quiet                  no log lines besides the listening line
  --help`;

function fail(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

function parseKeys(spec: string): Record<string, string> {
  const keys: Record<string, string> = {};
  for (const pair of spec.split(',').filter(Boolean)) {
    const colon = pair.indexOf(':');
    if (colon <= 0 || colon === pair.length - 1) fail(`invalid key pair "${pair}" (KEY:SECRET)`);
    keys[pair.slice(0, colon)] = pair.slice(colon + 1);
  }
  return keys;
}

function parseCount(name: string, value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) fail(`${name} must be a non-negative integer`);
  return n;
}

const envFlag = (name: string): boolean | undefined => {
  const value = process.env[name];
  return value === undefined ? undefined : value === '1' || value.toLowerCase() === 'true';
};

function readOptions(): StandinOptions {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      bind: { type: 'string' },
      keys: { type: 'string' },
      webhook: { type: 'string', multiple: true },
      'webhook-key': { type: 'string' },
      'webhook-retry-ms': { type: 'string' },
      'remote-unmute': { type: 'boolean' },
      cloud: { type: 'boolean' },
      seed: { type: 'string' },
      simulate: { type: 'boolean' },
      'no-control': { type: 'boolean' },
      egress: { type: 'boolean' },
      'stall-ms': { type: 'string' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const env = process.env;
  const keySpec =
    values.keys ??
    env.STANDIN_KEYS ??
    (env.LIVEKIT_API_KEY && env.LIVEKIT_API_SECRET
      ? `${env.LIVEKIT_API_KEY}:${env.LIVEKIT_API_SECRET}`
      : 'devkey:secret');
  const seed = values.seed ?? env.STANDIN_SEED ?? 'none';
  if (seed !== 'demo' && seed !== 'none') fail('--seed must be demo or none');
  const webhooks = values.webhook ?? env.STANDIN_WEBHOOKS?.split(',').filter(Boolean) ?? [];
  return {
    port: parseCount('--port', values.port ?? env.STANDIN_PORT) ?? 7880,
    bind: values.bind ?? env.STANDIN_BIND ?? '127.0.0.1',
    keys: parseKeys(keySpec),
    webhooks,
    webhookApiKey: values['webhook-key'] ?? env.STANDIN_WEBHOOK_KEY,
    webhookRetryBaseMs: parseCount(
      '--webhook-retry-ms',
      values['webhook-retry-ms'] ?? env.STANDIN_WEBHOOK_RETRY_MS,
    ),
    remoteUnmute: values['remote-unmute'] ?? envFlag('STANDIN_REMOTE_UNMUTE') ?? false,
    cloud: values.cloud ?? envFlag('STANDIN_CLOUD') ?? false,
    seed,
    simulate: values.simulate ?? envFlag('STANDIN_SIMULATE') ?? false,
    control: values['no-control'] ? false : (envFlag('STANDIN_CONTROL') ?? true),
    egress: values.egress ?? envFlag('STANDIN_EGRESS') ?? false,
    stallMs: parseCount('--stall-ms', values['stall-ms'] ?? env.STANDIN_STALL_MS),
    log: values.quiet ? undefined : (line) => console.log(`[standin] ${line}`),
  };
}

async function main(): Promise<void> {
  let options: StandinOptions;
  try {
    options = readOptions();
  } catch (error) {
    fail((error as Error).message);
  }
  const standin = await startStandin(options);
  console.log(`LiveKit stand-in listening on ${standin.url}`);
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    options.log?.(`${signal}: shutting down`);
    void standin.close().then(() => process.exit(0));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(`LiveKit stand-in failed to start: ${(error as Error).message ?? String(error)}`);
  process.exit(1);
});
