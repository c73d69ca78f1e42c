import { readFileSync } from 'node:fs';
import path from 'node:path';

let cached: ReadonlySet<string> | null | undefined;

/**
 * The server-action ids of the running build, from the manifest `next build` writes next to the
 * server; null when it cannot be read (`next dev` keeps it elsewhere), and then Next decides alone.
 * Read once: a build never changes under a running server.
 */
export function knownServerActionIds(): ReadonlySet<string> | null {
  if (cached !== undefined) return cached;
  try {
    const file = path.join(
      /* turbopackIgnore: true */ process.cwd(),
      '.next',
      'server',
      'server-reference-manifest.json',
    );
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as Record<string, object | undefined>;
    cached = new Set([...Object.keys(manifest.node ?? {}), ...Object.keys(manifest.edge ?? {})]);
  } catch {
    cached = null;
  }
  return cached;
}
