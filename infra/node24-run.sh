#!/usr/bin/env bash
# Runs a command with Node 24 first on PATH (the runtime the project targets; fetched once by infra/node24.sh when the
# machine's node is older): the npm scripts that run TypeScript or Jest directly go through it, since Nest 12 and
# jose 6 are ES modules only and load through Node 24's require(esm).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PATH="$(bash "$ROOT/infra/node24.sh"):$PATH"
export PATH
exec "$@"
