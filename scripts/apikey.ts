/** `npm run apikey -- <command>` – manage REST API keys from a shell (see scripts/apikey/cli.ts). */
import { runServerCli } from './server-cli';

runServerCli(() => import('./apikey/cli'));
