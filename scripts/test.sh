#!/usr/bin/env bash
# The one test command (README): unit + integration (Vitest), production build, browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

npx vitest run
npx next build
# Browser tests start on fresh embedded stores.
rm -rf .data/e2e-main .data/e2e-outage
npx playwright test
