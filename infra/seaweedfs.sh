#!/usr/bin/env bash
# Finds or builds SeaweedFS's `weed` (Apache-2.0; an S3-compatible server for the attachment store's tests) and prints
# its path on stdout (progress on stderr). Routes, in order:
#   1. $TDKT_WEED, then `weed` on PATH, then the project cache (.cache/tdkt/bin/weed)
#   2. `go build` of github.com/seaweedfs/seaweedfs/weed (pinned in infra/seaweedfs/go.mod, checksums in go.sum) through
#      the Go module proxy. Not `go install pkg@version`: seaweedfs's go.mod carries a replace directive, which go install
#      refuses, so infra/seaweedfs/ is a module of its own that repeats it. About 5 minutes the first time on 2 cores.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${TDKT_CACHE:-$ROOT/.cache/tdkt}"
BIN="$CACHE/bin"
TARGET="$BIN/weed"
mkdir -p "$BIN"
log() { echo "[seaweedfs] $*" >&2; }
works() { [ -n "${1:-}" ] && [ -x "$1" ] && "$1" version >/dev/null 2>&1; }
found() { log "using $1 (route: $2): $("$1" version 2>/dev/null | head -1)"; echo "$1"; exit 0; }

if [ -n "${TDKT_WEED:-}" ]; then works "$TDKT_WEED" && found "$TDKT_WEED" "TDKT_WEED"; log "TDKT_WEED=$TDKT_WEED is not a working weed binary"; fi
if p="$(command -v weed 2>/dev/null)"; then works "$p" && found "$p" "PATH"; fi
works "$TARGET" && found "$TARGET" "project cache"

if ! command -v go >/dev/null; then log "go not found: install Go, or set TDKT_WEED=/path/to/weed"; exit 1; fi
version="$(awk '$1 == "github.com/seaweedfs/seaweedfs" { print $2; exit }' "$ROOT/infra/seaweedfs/go.mod")"
log "building github.com/seaweedfs/seaweedfs/weed@$version with go build (first time: several minutes)"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
if (cd "$ROOT/infra/seaweedfs" && timeout 3000 go build -trimpath -o "$tmp/weed" github.com/seaweedfs/seaweedfs/weed) >"$tmp/go.log" 2>&1 && works "$tmp/weed"; then
  mv "$tmp/weed" "$TARGET"; found "$TARGET" "go build github.com/seaweedfs/seaweedfs/weed@$version"
fi
log "go build failed: $(tail -5 "$tmp/go.log" | tr '\n' ' ')"
log "Build or install SeaweedFS by hand and set TDKT_WEED=/path/to/weed."
exit 1
