/**
 * Runs once per server start, before the first request. Node only: the store uses native
 * modules, and the bootstrap module is loaded lazily so the edge bundle never sees it.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { bootstrap } = await import('./lib/auth/bootstrap');
    await bootstrap();
  }
}
