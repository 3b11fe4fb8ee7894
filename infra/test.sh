#!/usr/bin/env bash
# The README's test command (npm test): installs what is missing, then runs every test on its own Temporal + Postgres.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# Node 24 (the runtime the project targets): the machine's when it is 24+, else fetched once into .cache/tdkt/node24/.
export PATH="$(bash infra/node24.sh):$PATH"
bash infra/ensure-deps.sh
bash infra/temporal-cli.sh >/dev/null
# The Temporal server a province runs (Postgres persistence), for the scale-out test: built once through the Go proxy.
bash infra/temporal-server.sh >/dev/null
# SeaweedFS (an S3-compatible server) for the attachment store's tests: built once from the Go module proxy.
bash infra/seaweedfs.sh >/dev/null
bash infra/test-server.sh >/dev/null
bash infra/chromium.sh >/dev/null
bash infra/document-tools.sh
npx tsc -p tsconfig.json --noEmit
npx eslint .
# Formatting: Prettier, 120 columns, TypeScript only (`npm run format` rewrites; this only checks).
npx prettier --check "**/*.{ts,tsx}" --log-level warn
# The deployable artefacts (Dockerfile, compose, Helm chart) with hadolint, helm, kubernetes-validate, check-jsonschema.
bash infra/check-deploy.sh
# The production build, then the built migration, API and worker started with node dist/… until ready (infra/src/dist-smoke.ts).
bash infra/build.sh
node -r ts-node/register/transpile-only infra/src/dist-smoke.ts
exec node -r ts-node/register/transpile-only infra/src/test-runner.ts "$@"
