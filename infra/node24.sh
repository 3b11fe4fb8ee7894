#!/usr/bin/env bash
# Prints the folder of a Node 24 binary (the runtime the project targets): the machine's node when it is 24 or newer,
# else Node from the npm registry's packaged binaries (node-<os>-<arch>, the packages behind npm's `node` package),
# fetched once into .cache/tdkt/node24/ (through npm's own cache, integrity-checked by npm). Callers put it first on
# PATH:   export PATH="$(bash infra/node24.sh):$PATH"
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VERSION="${TDKT_NODE24_VERSION:-24.22.3}"
major() { "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
if command -v node >/dev/null && [ "$(major node)" -ge 24 ]; then dirname "$(command -v node)"; exit 0; fi
DIR="$ROOT/.cache/tdkt/node24/$VERSION"
if [ ! -x "$DIR/bin/node" ]; then
  case "$(uname -m)" in x86_64) arch=x64 ;; aarch64 | arm64) arch=arm64 ;; *) echo "[node24] no packaged Node for $(uname -m)" >&2; exit 1 ;; esac
  os=$(uname -s | tr '[:upper:]' '[:lower:]')
  echo "[node24] fetching node-$os-$arch@$VERSION from the npm registry into .cache/tdkt/node24/" >&2
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  (cd "$tmp" && npm pack "node-$os-$arch@$VERSION" --silent >/dev/null)
  mkdir -p "$tmp/x" && tar xzf "$tmp"/node-*.tgz -C "$tmp/x"
  rm -rf "$DIR" && mkdir -p "$(dirname "$DIR")" && mv "$tmp/x/package" "$DIR"
fi
[ "$(major "$DIR/bin/node")" -ge 24 ] || { echo "[node24] $DIR/bin/node is not Node 24" >&2; exit 1; }
echo "$DIR/bin"
