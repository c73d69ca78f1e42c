/**
 * Runs once per server start, before the first request. Node only: the store uses native
 * modules, and the bootstrap module is loaded lazily so the edge bundle never sees it.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    // First: sign-in throttling needs every request's socket address (lib/auth/peer-address.ts).
    const { recordPeerAddresses } = await import('./lib/auth/peer-address');
    recordPeerAddresses();
    // Requests Next answers with a 500 and a stack before our proxy runs, and clients hanging up
    // mid-request, which Next logs with a stack: see the modules.
    // The live stream is served there too, outside Next's per-request pipeline (see the module).
    const { guardNodeRequests } = await import('./lib/http/node-request-guard');
    const { liveNodeDoor } = await import('./lib/live/live-node-door');
    guardNodeRequests([liveNodeDoor]);
    const { quietClientAborts } = await import('./lib/http/client-abort-log');
    quietClientAborts();
    const { bootstrap } = await import('./lib/auth/bootstrap');
    await bootstrap();
    // AUTH_REQUIRED=false opens the portal endpoints to calls without a key: warn (docs/rest-api.md).
    const { announceApiKeyMode } = await import('./lib/callers/anonymous-caller');
    announceApiKeyMode();
    // Audit rows left `pending` by an earlier run (killed mid-action) become `unknown`.
    const { reconcileInterruptedAudits } = await import('./lib/domain/audit-reconcile');
    await reconcileInterruptedAudits();
    // Webhooks, reconciliation, the event bus and session history (docs/ARCHITECTURE.md, "Live").
    const { startLive } = await import('./lib/live/start');
    startLive();
    // The portal endpoints on a port of their own, when MODERATO_API_PORT asks for it.
    const { startConfiguredPortalListener } = await import('./lib/http/portal-listener');
    await startConfiguredPortalListener();
  }
}
