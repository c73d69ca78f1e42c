import 'server-only';

/**
 * One instance per process of something stateful (a bus, a buffer, a loop). Kept on globalThis:
 * Next bundles instrumentation, route handlers and server actions separately, so a module-level
 * variable would exist once per bundle.
 */
export function processSingleton<T>(name: string, create: () => T): T {
  const key = Symbol.for(`moderato.${name}`);
  const holder = globalThis as Record<symbol, T | undefined>;
  holder[key] ??= create();
  return holder[key];
}

/** The instance if one was created, without creating it. */
export function existingProcessSingleton<T>(name: string): T | undefined {
  return (globalThis as Record<symbol, T | undefined>)[Symbol.for(`moderato.${name}`)];
}

/** For tests: forgets a singleton so the next call creates a fresh one. */
export function resetProcessSingleton(name: string): void {
  delete (globalThis as Record<symbol, unknown>)[Symbol.for(`moderato.${name}`)];
}
