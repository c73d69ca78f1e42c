/**
 * The entry of a CLI that uses the store (`npm run users`, `npm run apikey`).
 *
 * The store modules start with `import 'server-only'`, which resolves to a no-op only under the
 * `react-server` export condition (Next sets it for server code). A CLI is server code too, so
 * its entry re-runs itself once with that condition instead of weakening the marker.
 */
import { spawnSync } from 'node:child_process';

const CONDITION = '--conditions=react-server';

export function runServerCli(load: () => Promise<{ main(args: string[]): Promise<number> }>): void {
  const hasCondition =
    process.execArgv.includes(CONDITION) || /react-server/.test(process.env.NODE_OPTIONS ?? '');
  if (!hasCondition) {
    const script = process.argv[1]!;
    const child = spawnSync(
      process.execPath,
      [...process.execArgv, CONDITION, script, ...process.argv.slice(2)],
      { stdio: 'inherit' },
    );
    process.exit(child.status ?? 1);
  }
  load()
    .then(({ main }) => main(process.argv.slice(2)))
    .then(
      (code) => process.exit(code),
      (err: unknown) => {
        console.error(`error: ${err instanceof Error ? err.message : String(err)}`);
        process.exit(1);
      },
    );
}
