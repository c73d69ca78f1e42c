#!/usr/bin/env bash
# The one test command (README): unit + integration (Vitest), production build, browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

npx vitest run
npx next build
# Browser tests start on fresh embedded stores.
rm -rf .data/e2e-main .data/e2e-outage .data/e2e-cloud .data/e2e-clients
npx playwright test
# Real livekit-client participants in Chromium against the stand-in's WebRTC path (e2e-clients/).
npx playwright test --config playwright.clients.config.ts
# Two instances sharing PostgreSQL and Redis (e2e-multi/): only where both services are given.
if [ -n "${TEST_POSTGRES_URL:-}" ] && [ -n "${TEST_REDIS_URL:-}" ]; then
  npx playwright test --config playwright.multi.config.ts
else
  echo "Multi-instance suite (e2e-multi/) not run: it needs TEST_POSTGRES_URL and TEST_REDIS_URL (.ci/run sets both)."
fi
