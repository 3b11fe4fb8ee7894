#!/usr/bin/env bash
# `npm run bench`: benchmarks (not tests) on an embedded Postgres of their own, or on DATABASE_URL when set.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$(bash infra/node24.sh):$PATH"
bash infra/ensure-deps.sh
exec node -r ts-node/register/transpile-only infra/src/bench-runner.ts "$@"
