#!/usr/bin/env bash
# What official documents need beyond Chromium (infra/chromium.sh): a Times-metric serif with every Vietnamese letter
# (Debian's fonts-liberation2: Liberation Serif 2.x; 1.07 lacks U+1EA0–1EF9) for the PDFs, and poppler-utils
# (pdftotext, pdftoppm) for the tests that read them back. Installed with apt when missing.
set -euo pipefail
PKGS=()
fc-list 2>/dev/null | grep -q 'liberation2/LiberationSerif-Regular' || [ -f /usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf ] || PKGS+=(fonts-liberation2)
command -v pdftotext >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1 || PKGS+=(poppler-utils)
if [ "${#PKGS[@]}" -gt 0 ]; then
  echo "[documents] installing ${PKGS[*]} (official documents)" >&2
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${PKGS[@]}" >&2
  command -v fc-cache >/dev/null 2>&1 && fc-cache -f >/dev/null 2>&1 || true
fi
