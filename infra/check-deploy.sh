#!/usr/bin/env bash
# npm run check:deploy (npm test runs it before Jest): validates the deployable artefacts in deploy/ with real tools
# (infra/deploy-tools.sh installs them), then a structural check of what no schema covers (infra/deploy-check.py).
#   hadolint                  deploy/docker/Dockerfile (every stage), failing on warnings
#   helm lint --strict        deploy/helm/tdkt, with the defaults and with KEDA + the API's HPA switched on
#   kubernetes-validate       helm template's output against Kubernetes 1.33's JSON schemas, strict (unknown fields fail);
#                             KEDA's ScaledObject and the Prometheus Operator's ServiceMonitor (CRDs, no schema shipped)
#                             are left to the structural check
#   check-jsonschema          deploy/compose/compose.yaml against the Compose Specification's schema
#   compose config            Compose's own check (interpolation, env files merged, depends_on), on a copy of
#                             deploy/compose/ with the committed *.env.example files as the env files
#   dashboard-check.py        deploy/grafana/tdkt-dashboard.json: valid, and every panel's expr reads a metric we export
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
started=$(date +%s)
TOOLS="$(bash infra/deploy-tools.sh)"
KUBE_VERSION=1.33.0
CHART=deploy/helm/tdkt
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

"$TOOLS/hadolint" --failure-threshold warning deploy/docker/Dockerfile
echo "[check:deploy] hadolint: deploy/docker/Dockerfile ok"

variants=("" "--set worker.keda.enabled=true --set api.autoscaling.enabled=true"
  "--set signer.mode=http --set signer.http.url=https://ky-so.example.gov.vn/api/sign --set signer.http.tokenSecret.name=tdkt-signer"
  "--set worker.hpa.enabled=true --set metrics.serviceMonitor.enabled=true --set metrics.serviceMonitor.tokenSecret.name=tdkt-metrics
   --set attachments.store=s3 --set attachments.s3.bucket=tdkt-attachments --set attachments.s3.endpoint=https://s3.example.gov.vn
   --set attachments.s3.forcePathStyle=true --set attachments.s3.credentialsSecret.name=tdkt-s3")
i=0
for v in "${variants[@]}"; do
  # shellcheck disable=SC2086
  "$TOOLS/helm" lint --strict --quiet --kube-version "$KUBE_VERSION" "$CHART" $v >/dev/null
  # shellcheck disable=SC2086
  "$TOOLS/helm" template tdkt "$CHART" --namespace tdkt --kube-version "$KUBE_VERSION" $v >"$out/rendered-$i.yaml"
  i=$((i + 1))
done
# Both autoscalers on the worker must be refused.
if "$TOOLS/helm" template tdkt "$CHART" --kube-version "$KUBE_VERSION" --set worker.keda.enabled=true \
  --set worker.hpa.enabled=true >/dev/null 2>"$out/both.err" || ! grep -q "choose one autoscaler" "$out/both.err"; then
  echo "[check:deploy] the chart must refuse worker.keda and worker.hpa together (choose one autoscaler):" >&2
  cat "$out/both.err" >&2
  exit 1
fi
echo "[check:deploy] helm lint --strict and helm template: $CHART ok (defaults; KEDA + API HPA on; the http signer;" \
  "worker HPA on a custom metric + ServiceMonitors + S3 attachments; KEDA with the worker HPA refused)"

"$TOOLS/kubernetes-validate" --strict --quiet --no-warn -k "$KUBE_VERSION" "$out"/rendered-*.yaml
echo "[check:deploy] kubernetes-validate --strict (Kubernetes $KUBE_VERSION schemas): rendered chart ok"

"$TOOLS/check-jsonschema" --builtin-schema vendor.compose-spec deploy/compose/compose.yaml >/dev/null
echo "[check:deploy] check-jsonschema (Compose Specification): deploy/compose/compose.yaml ok"

mkdir -p "$out/compose"
cp deploy/compose/* "$out/compose/"
for example in "$out"/compose/*.env.example; do cp "$example" "${example%.example}"; done
"$TOOLS/compose" -f "$out/compose/compose.yaml" config --quiet
services="$("$TOOLS/compose" -f "$out/compose/compose.yaml" config --services | sort | tr '\n' ' ')"
if [ "$services" != "api migrate postgres temporal temporal-ui worker " ]; then
  echo "[check:deploy] compose config: services are '$services', expected api migrate postgres temporal temporal-ui worker" >&2
  exit 1
fi
echo "[check:deploy] compose config (Compose $("$TOOLS/compose" version --short)): deploy/compose ok with the example env files"

"$TOOLS/python" infra/deploy-check.py "$out"/rendered-*.yaml
"$TOOLS/python" infra/dashboard-check.py
echo "[check:deploy] all checks passed in $(($(date +%s) - started))s"
