import { config } from 'zod';

/**
 * Runs in the browser before the app's own modules (Next's client instrumentation hook).
 *
 * Zod compiles a faster object parser with `new Function`, and probes whether it may the first
 * time an object schema is built. The Content Security Policy allows no eval (lib/http/csp.ts), so
 * the probe is refused — harmlessly, zod falls back — but Chromium still reports a violation each
 * time. `jitless` skips both, and must be set before any schema exists: hence here.
 */
config({ jitless: true });
