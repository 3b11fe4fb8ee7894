#!/usr/bin/env bash
# `npm run test:scale`: the scale-out test (test/scale) at full size — the Temporal server built from go.temporal.io/server
# with Postgres persistence, 2 API and 3 worker processes, TDKT_SCALE_DOSSIERS (default 1,000) dossiers through the
# provincial route, a worker and an API killed -9 and restarted mid-run. `npm test` runs the same spec with 60.
# Ends with "N passed, N failed" like npm test.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$(bash infra/node24.sh):$PATH"
bash infra/ensure-deps.sh
bash infra/temporal-cli.sh >/dev/null
bash infra/temporal-server.sh >/dev/null
export TDKT_SCALE_DOSSIERS="${TDKT_SCALE_DOSSIERS:-1000}"
exec node -r ts-node/register/transpile-only infra/src/test-runner.ts test/scale "$@"
