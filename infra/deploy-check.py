"""Structural checks of deploy/ that no schema covers, run by infra/check-deploy.sh after the real tools.

The artefacts must agree with the code and with each other: the Dockerfile's targets and entry points exist, the
probes call endpoints the API and the worker serve, secrets are referenced (never literal), images are pinned, the
migration is a Helm hook, KEDA's ScaledObject (a CRD without a shipped schema) names the worker and the queue, the
worker HPA and KEDA exclude each other, and the ServiceMonitors (a CRD too) select one Service each and scrape /metrics.
Usage: deploy-check.py RENDERED_CHART.yaml...
"""
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
problems: list[str] = []


def need(cond: bool, msg: str) -> None:
    if not cond:
        problems.append(msg)


def source_has(path: str, pattern: str) -> bool:
    return re.search(pattern, (ROOT / path).read_text()) is not None


# The endpoints the probes may call, each proved to exist in the code.
API_LIVE, API_READY = "/api/health/live", "/api/health/ready"
WORKER_LIVE, WORKER_READY = "/live", "/ready"
need(source_has("apps/api/src/health/health.controller.ts", r"@Controller\('health'\)") and source_has("apps/api/src/health/health.controller.ts", r"@Get\('live'\)")
     and source_has("apps/api/src/health/health.controller.ts", r"@Get\('ready'\)"), "the API no longer serves /api/health/live and /ready")
need(source_has("apps/worker/src/health-server.ts", r"path === '/live'") and source_has("apps/worker/src/health-server.ts", r"path === '/ready'"),
     "the worker's health server no longer serves /live and /ready")
SECRET_VARS = {"DATABASE_URL", "DATABASE_MIGRATION_URL", "PII_HASH_KEY", "TEMPORAL_CODEC_KEYS", "TEMPORAL_API_KEY", "TDKT_SIGNER_TOKEN",
               "TDKT_S3_ACCESS_KEY_ID", "TDKT_S3_SECRET_ACCESS_KEY", "METRICS_TOKEN"}
# Both /metrics endpoints, proved to exist in the code (the scrape annotations and ServiceMonitors point at them).
need(source_has("apps/api/src/api.ts", r"app\.use\('/metrics'") and source_has("apps/worker/src/health-server.ts", r"path === '/metrics'"),
     "the API or the worker no longer serves /metrics")
# The attachment store's settings, as the config reads them (libs/config/src/attachments.ts).
ATTACH_SRC = "libs/config/src/attachments.ts"
ATTACH_VARS = ("TDKT_ATTACHMENT_STORE", "TDKT_ATTACHMENT_MAX_BYTES", "TDKT_S3_BUCKET", "TDKT_S3_REGION", "TDKT_S3_ENDPOINT",
               "TDKT_S3_FORCE_PATH_STYLE", "TDKT_S3_ACCESS_KEY_ID", "TDKT_S3_SECRET_ACCESS_KEY")
for var in ATTACH_VARS:
    need(source_has(ATTACH_SRC, rf"'{var}'"), f"{ATTACH_SRC} no longer reads {var}")
# The document signer's settings, as the API reads them (apps/api/src/documents/document-signer.ts).
SIGNER_SRC = "apps/api/src/documents/document-signer.ts"
for var in ("TDKT_SIGNER", "TDKT_SIGNING_DIR", "TDKT_SIGNER_URL", "TDKT_SIGNER_TOKEN"):
    need(source_has(SIGNER_SRC, rf"env\.{var}\b"), f"{SIGNER_SRC} no longer reads {var}")

# --- Dockerfile ---------------------------------------------------------------------------------------------------
dockerfile = (ROOT / "deploy/docker/Dockerfile").read_text()
stages = {name: image for image, name in re.findall(r"^FROM\s+(\S+)\s+AS\s+(\S+)", dockerfile, re.M)}
need({"build", "deps", "runtime", "api", "worker"} <= set(stages), f"Dockerfile stages: {sorted(stages)}")
base = re.search(r"^ARG NODE_IMAGE=node:(\d+)", dockerfile, re.M)
engines = re.search(r'"node":\s*">=(\d+)', (ROOT / "package.json").read_text())
need(bool(base and engines and base.group(1) == engines.group(1)), "the image's Node major differs from package.json engines.node")
need(re.search(r"^USER\s+[1-9]\d*:\d+\s*$", dockerfile, re.M) is not None, "the runtime stage must switch to a numeric non-root USER")
for target, path in (("api", "apps/api/src/main"), ("worker", "apps/worker/src/main")):
    block = dockerfile.split(f"AS {target}\n", 1)[-1].split("\nFROM ", 1)[0]
    need(f'"dist/{path}.js"' in block, f"Dockerfile target {target} must run dist/{path}.js")
    need((ROOT / f"{path}.ts").exists(), f"{path}.ts does not exist")
    need("HEALTHCHECK" in block, f"Dockerfile target {target} has no HEALTHCHECK")
need(API_READY in dockerfile and f"'{WORKER_READY}'" in dockerfile, "the HEALTHCHECKs must call the readiness endpoints")
need('"infra/src/migrate.ts"' in (ROOT / "tsconfig.build.json").read_text(), "tsconfig.build.json must compile infra/src/migrate.ts")

# --- compose ------------------------------------------------------------------------------------------------------
compose_dir = ROOT / "deploy/compose"
compose = yaml.safe_load((compose_dir / "compose.yaml").read_text())
services = compose["services"]
gitignore = (ROOT / ".gitignore").read_text()
need("deploy/compose/*.env" in gitignore, ".gitignore must keep deploy/compose/*.env (the secrets) out of git")
for name, svc in services.items():
    image = svc.get("image", "")
    need(":" in image and not image.endswith(":latest"), f"compose service {name}: image {image!r} is not pinned")
    for dep in svc.get("depends_on", []):
        need(dep in services, f"compose service {name} depends on unknown service {dep}")
    for ef in svc.get("env_file", []):
        p = ef["path"] if isinstance(ef, dict) else ef
        need((compose_dir / f"{p}.example").exists(), f"compose service {name}: {p} has no committed {p}.example")
    build = svc.get("build")
    if build:
        need(build.get("target") in stages, f"compose service {name}: Dockerfile target {build.get('target')} does not exist")
        need((compose_dir / build["context"] / build["dockerfile"]).resolve() == ROOT / "deploy/docker/Dockerfile", f"compose service {name}: wrong Dockerfile")
    env = svc.get("environment", {})
    for var in SECRET_VARS & set(env if isinstance(env, dict) else []):
        problems.append(f"compose service {name}: secret {var} is written in compose.yaml; it belongs in the env file")
for name in ("migrate", "api", "worker"):
    svc = services.get(name, {})
    need(svc.get("read_only") is True, f"compose service {name} must run with a read-only root filesystem")
need(services.get("migrate", {}).get("command") == ["node", "dist/infra/src/migrate.js"], "compose migrate must run dist/infra/src/migrate.js")
for name in ("api", "worker"):
    cond = services.get(name, {}).get("depends_on", {}).get("migrate", {}).get("condition")
    need(cond == "service_completed_successfully", f"compose {name} must wait for the migration to complete")
# The local test signer writes its key under TDKT_SIGNING_DIR: on a read-only root that must be a mounted volume.
api_svc = services.get("api", {})
api_env = api_svc.get("environment") if isinstance(api_svc.get("environment"), dict) else {}
signing_dir = api_env.get("TDKT_SIGNING_DIR")
need(bool(signing_dir) and any(str(v).split(":")[1:2] == [signing_dir] for v in (api_svc.get("volumes") or [])),
     "compose api: TDKT_SIGNING_DIR must be set and a volume mounted there (the local signer writes its key on a read-only root)")
need(re.search(r"^ENV .*TDKT_SIGNING_DIR=(\S+)", dockerfile, re.M) is not None and f"install -d -o 1000 -g 1000 -m 0700 {signing_dir}" in dockerfile,
     "Dockerfile: the api image must default TDKT_SIGNING_DIR and create it owned by the runtime user (a new volume takes that owner)")
example = (compose_dir / "tdkt.env.example").read_text()
need(re.search(r"^TDKT_SIGNER=(local|http|none)$", example, re.M) is not None and "TDKT_SIGNER_URL=" in example,
     "tdkt.env.example must set TDKT_SIGNER and show the http mode's TDKT_SIGNER_URL")
for var in ("DATABASE_URL", "DATABASE_MIGRATION_URL", "PII_HASH_KEY", "TEMPORAL_CODEC_KEYS", "WORKER_HEALTH_PORT", "TDKT_ATTACHMENT_STORE"):
    need(re.search(rf"^{var}=", example, re.M) is not None, f"tdkt.env.example lacks {var}")
for var in ATTACH_VARS:
    need(re.search(rf"^#? ?{var}=", example, re.M) is not None, f"tdkt.env.example does not show {var}")

# --- rendered Helm chart ------------------------------------------------------------------------------------------
def containers(doc):
    return doc["spec"]["template"]["spec"]["containers"]


for rendered in sys.argv[1:]:
    docs = [d for d in yaml.safe_load_all(Path(rendered).read_text()) if d]
    deployments = {d["metadata"]["name"]: d for d in docs if d["kind"] == "Deployment"}
    scaled = [d for d in docs if d["kind"] == "ScaledObject"]
    hpas = {d["spec"]["scaleTargetRef"]["name"]: d for d in docs if d["kind"] == "HorizontalPodAutoscaler"}
    services = {d["metadata"]["name"]: d for d in docs if d["kind"] == "Service"}
    monitors = [d for d in docs if d["kind"] == "ServiceMonitor"]
    jobs = [d for d in docs if d["kind"] == "Job"]
    need(len(deployments) == 2, f"{rendered}: expected the api and worker Deployments, got {sorted(deployments)}")
    for name, dep in deployments.items():
        component = dep["metadata"]["labels"].get("app.kubernetes.io/component")
        live, ready = (API_LIVE, API_READY) if component == "api" else (WORKER_LIVE, WORKER_READY)
        for c in containers(dep):
            need(c.get("livenessProbe", {}).get("httpGet", {}).get("path") == live, f"{name}: liveness must GET {live}")
            need(c.get("readinessProbe", {}).get("httpGet", {}).get("path") == ready, f"{name}: readiness must GET {ready}")
            need(bool(c.get("resources", {}).get("requests")), f"{name}: no resource requests")
            need(c.get("securityContext", {}).get("readOnlyRootFilesystem") is True, f"{name}: root filesystem not read-only")
            for e in c.get("env", []):
                if e["name"] in SECRET_VARS:
                    need("secretKeyRef" in e.get("valueFrom", {}), f"{name}: {e['name']} must come from a secret by reference")
        need(dep["spec"]["template"]["spec"].get("securityContext", {}).get("runAsNonRoot") is True, f"{name}: runAsNonRoot")
        # Scrape annotations, when present, name a port the container serves /metrics on.
        ann = dep["spec"]["template"]["metadata"].get("annotations", {})
        if ann.get("prometheus.io/scrape") == "true":
            ports = {str(p["containerPort"]) for c in containers(dep) for p in c.get("ports", [])}
            need(ann.get("prometheus.io/path") == "/metrics" and ann.get("prometheus.io/port") in ports,
                 f"{name}: prometheus.io annotations must point at /metrics on a container port ({sorted(ports)})")
        if component == "worker" and name in hpas:
            hpa = hpas[name]
            need("replicas" not in dep["spec"], "with the worker HPA on, the worker Deployment must not set replicas")
            need(not scaled, f"{rendered}: KEDA's ScaledObject and the worker HPA both scale the worker")
            m = hpa["spec"]["metrics"]
            need(len(m) == 1 and m[0]["type"] == "Pods" and m[0]["pods"]["target"]["type"] == "AverageValue",
                 "the worker HPA scales on one per-pod custom metric (type Pods, AverageValue)")
        if component == "api":
            for c in containers(dep):
                env = {e["name"]: e for e in c.get("env", [])}
                mode = env.get("TDKT_SIGNER", {}).get("value")
                need(mode in ("local", "http", "none"), f"{name}: TDKT_SIGNER must be local, http or none, got {mode!r}")
                if mode == "local":
                    path = env.get("TDKT_SIGNING_DIR", {}).get("value")
                    mounts = {m["mountPath"]: m["name"] for m in c.get("volumeMounts", [])}
                    vols = {v["name"] for v in dep["spec"]["template"]["spec"].get("volumes", [])}
                    need(path in mounts and mounts[path] in vols, f"{name}: TDKT_SIGNER=local needs a volume mounted at TDKT_SIGNING_DIR ({path!r})")
                store = env.get("TDKT_ATTACHMENT_STORE", {}).get("value")
                need(store in ("postgres", "s3"), f"{name}: TDKT_ATTACHMENT_STORE must be postgres or s3, got {store!r}")
                if store == "s3":
                    need(bool(env.get("TDKT_S3_BUCKET", {}).get("value")), f"{name}: TDKT_ATTACHMENT_STORE=s3 needs TDKT_S3_BUCKET")
                    need(("TDKT_S3_ACCESS_KEY_ID" in env) == ("TDKT_S3_SECRET_ACCESS_KEY" in env), f"{name}: the S3 keys go together")
                if mode == "http":
                    need(env.get("TDKT_SIGNER_URL", {}).get("value", "").startswith("https://"), f"{name}: TDKT_SIGNER=http needs an https TDKT_SIGNER_URL")
    need(len(jobs) == 1 and "pre-upgrade" in jobs[0]["metadata"].get("annotations", {}).get("helm.sh/hook", ""), f"{rendered}: the migration Job must be a pre-install/pre-upgrade hook")
    for job in jobs:
        c = containers(job)[0]
        need(c.get("command") == ["node", "dist/infra/src/migrate.js"], "the migration Job must run dist/infra/src/migrate.js")
        need(any(e["name"] == "DATABASE_MIGRATION_URL" and "secretKeyRef" in e.get("valueFrom", {}) for e in c.get("env", [])), "the migration Job needs DATABASE_MIGRATION_URL from a secret")
    for sm in monitors:
        sel = sm["spec"]["selector"]["matchLabels"]
        matched = [svc for svc in services.values() if sel.items() <= svc["metadata"]["labels"].items()]
        need(len(matched) == 1, f"ServiceMonitor {sm['metadata']['name']} selects {len(matched)} Services, expected 1")
        for svc in matched:
            pods = [d for d in deployments.values() if svc["spec"]["selector"].items() <= d["spec"]["template"]["metadata"]["labels"].items()]
            port_names = {p["name"] for p in svc["spec"]["ports"]}
            for ep in sm["spec"]["endpoints"]:
                need(ep["port"] in port_names and ep.get("path") == "/metrics", f"ServiceMonitor {sm['metadata']['name']}: endpoint must be /metrics on a port of {svc['metadata']['name']}")
                auth = ep.get("authorization", {}).get("credentials", {})
                if auth:
                    api_env = {e["name"]: e for d in pods for c in containers(d) for e in c.get("env", [])}
                    ref = api_env.get("METRICS_TOKEN", {}).get("valueFrom", {}).get("secretKeyRef", {})
                    need(ref == {"name": auth.get("name"), "key": auth.get("key")}, "the ServiceMonitor's token must be the secret the API reads METRICS_TOKEN from")
    for so in scaled:
        target = so["spec"]["scaleTargetRef"]["name"]
        need(target in deployments and deployments[target]["metadata"]["labels"].get("app.kubernetes.io/component") == "worker", f"ScaledObject targets {target}, not the worker")
        need("replicas" not in deployments.get(target, {}).get("spec", {}), "with KEDA on, the worker Deployment must not set replicas")
        for t in so["spec"]["triggers"]:
            need(t["type"] == "temporal", f"ScaledObject trigger {t['type']}: expected KEDA's temporal scaler")
            missing = {"endpoint", "namespace", "taskQueue", "targetQueueSize"} - set(t.get("metadata", {}))
            need(not missing, f"ScaledObject temporal trigger lacks {sorted(missing)}")

if problems:
    print("[check:deploy] structural problems:\n  - " + "\n  - ".join(problems), file=sys.stderr)
    sys.exit(1)
print("[check:deploy] structure: Dockerfile, compose and chart agree with the code and each other")
