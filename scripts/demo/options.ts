import { parseArgs } from 'node:util';

/**
 * The flags of `npm run demo`, each written once: the parser and `--help` are both read from
 * this table, so the help cannot drift from what is accepted.
 */
const FLAGS = {
  port: { type: 'string', value: 'N', help: 'dashboard port (default: $PORT, else 3000)' },
  'livekit-port': { type: 'string', value: 'N', help: 'LiveKit stand-in port (default 7880)' },
  host: {
    type: 'string',
    value: 'ADDR',
    help: 'dashboard bind address (default 127.0.0.1: demo passwords are public)',
  },
  'no-simulate': {
    type: 'boolean',
    help: 'no simulated activity (people joining, leaving, muting, sharing screens)',
  },
  cloud: {
    type: 'boolean',
    help: 'behave like LiveKit Cloud: Move and Forward participant work',
  },
  'remote-unmute': {
    type: 'boolean',
    help: 'rooms allow remote unmute (room.enable_remote_unmute), so Unmute works',
  },
  rebuild: { type: 'boolean', help: 'build the app again first (after pulling changes)' },
  help: { type: 'boolean', help: 'show this help' },
} as const satisfies Record<string, { type: 'string' | 'boolean'; value?: string; help: string }>;

export const USAGE = [
  'Usage: npm run demo -- [options]',
  '',
  'Starts the LiveKit stand-in with demo rooms and the dashboard in demo mode, and stops both on',
  'Ctrl-C. The first run builds the app.',
  '',
  ...Object.entries(FLAGS).map(([name, flag]) => {
    const left = `  --${name}${'value' in flag ? ` ${flag.value}` : ''}`;
    return `${left.padEnd(24)} ${flag.help}`;
  }),
].join('\n');

export interface DemoOptions {
  port: number;
  livekitPort: number;
  host: string;
  simulate: boolean;
  cloud: boolean;
  remoteUnmute: boolean;
  rebuild: boolean;
  help: boolean;
}

/** Wrong usage, told in one line (no stack trace) and exit code 2. */
export class UsageError extends Error {}

function portOf(flag: string, value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port < 1 || port > 65_535) {
    throw new UsageError(`--${flag} must be a port number from 1 to 65535 (got "${value}")`);
  }
  return port;
}

export function readDemoOptions(args: string[], env: Partial<Record<string, string>>): DemoOptions {
  let values: ReturnType<typeof parseArgs<{ args: string[]; options: typeof FLAGS }>>['values'];
  try {
    ({ values } = parseArgs({ args, options: FLAGS, allowPositionals: false }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }

  return {
    port: portOf('port', values.port ?? env.PORT ?? '3000'),
    livekitPort: portOf('livekit-port', values['livekit-port'] ?? '7880'),
    host: values.host ?? '127.0.0.1',
    simulate: !values['no-simulate'],
    cloud: values.cloud ?? false,
    remoteUnmute: values['remote-unmute'] ?? false,
    rebuild: values.rebuild ?? false,
    help: values.help ?? false,
  };
}
