#!/usr/bin/env bash
# `npm run fuzz`: schemathesis against the served OpenAPI, as several roles, on a system of its own (embedded Temporal
# + Postgres). Installs schemathesis (pinned, from PyPI) into .cache/tdkt/fuzz-venv the first time.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
SCHEMATHESIS_VERSION="4.32.5"
VENV="${TDKT_CACHE:-$ROOT/.cache/tdkt}/fuzz-venv"
export PATH="$(bash infra/node24.sh):$PATH"
bash infra/ensure-deps.sh
bash infra/temporal-cli.sh >/dev/null
if ! "$VENV/bin/schemathesis" --version 2>/dev/null | grep -q "$SCHEMATHESIS_VERSION"; then
  echo "[fuzz] installing schemathesis $SCHEMATHESIS_VERSION into $VENV"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q "schemathesis==$SCHEMATHESIS_VERSION"
fi
export TDKT_SCHEMATHESIS="$VENV/bin/schemathesis"
exec node -r ts-node/register/transpile-only infra/src/fuzz-runner.ts "$@"
