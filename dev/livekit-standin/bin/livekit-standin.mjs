#!/usr/bin/env node
// The stand-in ships as TypeScript sources (no build step); tsx compiles them on the fly.
// Both tsx hooks are registered: the package is CommonJS, so cli.ts reaches its imports through
// require(), and with the ESM hook alone Node stops with ERR_REQUIRE_CYCLE_MODULE.
import { register as registerCjs } from 'tsx/cjs/api';
import { register as registerEsm } from 'tsx/esm/api';

registerCjs();
registerEsm();
await import('../src/cli.ts');
