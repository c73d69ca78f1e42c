import 'server-only';

import path from 'node:path';

import { env } from '@/lib/env';

export type DbKind = 'sqlite' | 'postgres';

/** Where the store lives: the embedded SQLite file by default, PostgreSQL when DATABASE_URL is set. */
export type DbTarget = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

export function dbTargetFromEnv(): DbTarget {
  const { DATABASE_URL, MODERATO_DATA_DIR } = env();
  if (DATABASE_URL) return { kind: 'postgres', url: DATABASE_URL };
  return { kind: 'sqlite', file: path.join(MODERATO_DATA_DIR, 'moderato.db') };
}
