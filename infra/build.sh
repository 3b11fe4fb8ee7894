#!/usr/bin/env bash
# npm run build: compiles apps and libs to dist/, bundles the workflows ahead of time, builds the web app (infra/src/build.ts).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$(bash infra/node24.sh):$PATH"
bash infra/ensure-deps.sh
exec node -r ts-node/register/transpile-only infra/src/build.ts "$@"
