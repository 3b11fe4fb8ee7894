#!/usr/bin/env bash
# Finds or builds the Temporal server as a province runs it (Postgres persistence), and prints the path of
# `temporal-server` on stdout (progress goes to stderr). Beside it in .cache/tdkt/bin: `temporal-sql-tool` (the server's
# own schema tool), and in .cache/tdkt/temporal-server-schema/postgresql/v12 the SQL schemas it applies
# (temporal, visibility) — taken from the same module version, so binary, tool and schema always match.
# Routes, in order, stopping at the first that yields a working pinned `temporal-server --version`:
#   1. $TEMPORAL_SERVER (with temporal-sql-tool beside it), then the project cache
#   2. `go install` of go.temporal.io/server/cmd/server and cmd/tools/sql (pinned) through the Go module proxy
# The version is the one the Temporal CLI's dev server embeds (infra/temporal-cli.sh: CLI v1.5.1 = server 1.29.1) and
# the compose file's temporalio/auto-setup tag, so the tests, `npm run up` and a province run the same server.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${TDKT_CACHE:-$ROOT/.cache/tdkt}"
BIN="$CACHE/bin"
TARGET="$BIN/temporal-server"
SQL_TOOL="$BIN/temporal-sql-tool"
SCHEMA="$CACHE/temporal-server-schema"
SERVER_VERSION="v1.29.1"    # go.temporal.io/server (go 1.25 in its go.mod: the machine's Go 1.26 builds it)
mkdir -p "$BIN"
tried=()
log() { echo "[temporal-server] $*" >&2; }

# A binary works when it runs and reports the pinned version; the schema tool and the schema files must be there too.
works() {
  [ -n "${1:-}" ] && [ -x "$1" ] && [ -x "$(dirname "$1")/temporal-sql-tool" ] && [ -f "$SCHEMA/postgresql/v12/temporal/schema.sql" ] \
    && "$1" --version 2>/dev/null | grep -q "${SERVER_VERSION#v}"
}
found() { log "using $1 (route: $2): $("$1" --version 2>/dev/null | head -1)"; echo "$1"; exit 0; }

# 1. explicit, cache
if [ -n "${TEMPORAL_SERVER:-}" ]; then
  works "$TEMPORAL_SERVER" && found "$TEMPORAL_SERVER" "TEMPORAL_SERVER"
  tried+=("TEMPORAL_SERVER=$TEMPORAL_SERVER: not temporal-server $SERVER_VERSION with temporal-sql-tool beside it")
fi
works "$TARGET" && found "$TARGET" "project cache"

# 2. go install through the Go module proxy (uses the user's Go module and build caches)
if command -v go >/dev/null; then
  tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
  log "building go.temporal.io/server@$SERVER_VERSION (cmd/server, cmd/tools/sql) with go install (first time: several minutes)"
  if GOBIN="$tmp/gobin" GOFLAGS=-buildvcs=false timeout 2400 go install \
        "go.temporal.io/server/cmd/server@$SERVER_VERSION" "go.temporal.io/server/cmd/tools/sql@$SERVER_VERSION" >"$tmp/go.log" 2>&1 \
     && dir="$(go mod download -json "go.temporal.io/server@$SERVER_VERSION" 2>>"$tmp/go.log" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p')" \
     && [ -d "$dir/schema/postgresql/v12" ]; then
    rm -rf "$SCHEMA" && mkdir -p "$SCHEMA/postgresql" && cp -R "$dir/schema/postgresql/v12" "$SCHEMA/postgresql/v12" && chmod -R u+w "$SCHEMA"
    mv "$tmp/gobin/sql" "$SQL_TOOL" && mv "$tmp/gobin/server" "$TARGET"
    works "$TARGET" && found "$TARGET" "go install go.temporal.io/server@$SERVER_VERSION"
  fi
  tried+=("go install go.temporal.io/server/cmd/server@$SERVER_VERSION: $(tail -3 "$tmp/go.log" | tr '\n' ' ')")
else
  tried+=("go install: go not found")
fi

log "no route produced a working temporal-server $SERVER_VERSION. Tried:"
for t in "${tried[@]}"; do log "  - $t"; done
log "Build it by hand (go install go.temporal.io/server/cmd/server@$SERVER_VERSION) and set TEMPORAL_SERVER=/path/to/temporal-server."
exit 1
