/** `npm run users -- <command>` – manage dashboard accounts from a shell (see scripts/users/cli.ts). */
import { runServerCli } from './server-cli';

runServerCli(() => import('./users/cli'));
