#!/usr/bin/env bash
# The README's run command (npm run up): installs what is missing, then brings the whole system up.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# Node 24 (the runtime the project targets): the machine's when it is 24+, else fetched once into .cache/tdkt/node24/.
export PATH="$(bash infra/node24.sh):$PATH"
bash infra/ensure-deps.sh
bash infra/temporal-cli.sh >/dev/null
bash infra/document-tools.sh  # fonts for official documents (PDF via Chromium: infra/chromium.sh)
exec node -r ts-node/register/transpile-only infra/src/up.ts "$@"
