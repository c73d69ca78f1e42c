import 'server-only';

import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import { env } from '@/lib/env';

import { authEnv } from './auth-env';

let cached: string | undefined;

/**
 * The one secret that signs and encrypts session JWTs. The route handler, the proxy and
 * getServerSession all call this, so they can never disagree. Without NEXTAUTH_SECRET /
 * AUTH_SECRET we generate one and keep it in the data dir (0600): sessions survive restarts and a
 * fresh install needs no setup, while the secret never leaves the server.
 */
export function getAuthSecret(): string {
  if (cached) return cached;
  const fromEnv = authEnv().secret;
  if (fromEnv) return (cached = fromEnv);

  const file = path.join(env().MODERATO_DATA_DIR, 'auth-secret');
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  try {
    // 'wx' fails if the file exists, so two processes starting together cannot overwrite
    // each other's secret; the loser reads the winner's.
    fs.writeFileSync(file, randomBytes(32).toString('base64url'), { flag: 'wx', mode: 0o600 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  const secret = fs.readFileSync(file, 'utf8').trim();
  if (secret.length < 32) {
    throw new Error(
      `Moderato: ${file} is too short to be a session secret; delete it to regenerate`,
    );
  }
  return (cached = secret);
}
