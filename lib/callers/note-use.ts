import 'server-only';

/** How often a credential's last-used time is written per instance: checking it stays a read. */
export const LAST_USED_EVERY_MS = 60_000;

type Holder = typeof globalThis & { __moderatoLastUse?: Map<string, number> };
// On globalThis because Next bundles routes separately: one memory per process.
const holder = globalThis as Holder;

/**
 * Records that a credential (an API key, an embedding portal) was used, in the background and at
 * most once per LAST_USED_EVERY_MS per credential and instance: the answer never waits for, or
 * fails on, this write. `lastUsedAtMs` is the stored time, when the caller has it.
 */
export function noteUse(
  credential: { kind: string; id: string; name: string; lastUsedAtMs: number | null },
  touch: (id: string, atMs: number) => Promise<void>,
): void {
  const written = (holder.__moderatoLastUse ??= new Map());
  const key = `${credential.kind}:${credential.id}`;
  const now = Date.now();
  if (now - (written.get(key) ?? credential.lastUsedAtMs ?? 0) < LAST_USED_EVERY_MS) return;
  written.set(key, now);
  touch(credential.id, now).catch((err: unknown) => {
    console.warn(
      `[moderato] could not record the use of ${credential.kind} ${credential.name} (${err instanceof Error ? err.message : String(err)})`,
    );
  });
}
