#!/usr/bin/env bash
# Debian's Chromium for the browser tests (test/browser, driven by playwright-core): installed with apt when missing.
# Prints the binary's path. TDKT_CHROMIUM names another binary.
set -euo pipefail
BIN="${TDKT_CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$BIN" ]; then
  echo "[chromium] installing Debian's chromium package (browser tests)" >&2
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >&2
fi
echo "$BIN"
