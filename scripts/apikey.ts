/**
 * `npm run apikey -- <command>` – manage REST API keys from a shell (see scripts/apikey/cli.ts).
 *
 * Like scripts/users.ts: the store modules start with `import 'server-only'`, a no-op only under
 * the `react-server` export condition, so this entry re-runs itself once with that condition.
 */
import { spawnSync } from 'node:child_process';

const CONDITION = '--conditions=react-server';
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
} else {
  import('./apikey/cli')
    .then(({ main }) => main(process.argv.slice(2)))
    .then(
      (code) => process.exit(code),
      (err: unknown) => {
        console.error(`error: ${err instanceof Error ? err.message : String(err)}`);
        process.exit(1);
      },
    );
}
