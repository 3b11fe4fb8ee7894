"""The Grafana dashboard (deploy/grafana/tdkt-dashboard.json), checked by infra/check-deploy.sh.

Valid: it parses as JSON, has a uid, a title and a schemaVersion, every panel has a unique id, a type, a title, a
gridPos and at least one target with a PromQL expr, and the datasource variable the panels name exists. Real: every
metric an expr reads is one we export: a name defined in libs/platform/src/observability/metrics.ts (with a histogram's
_bucket/_sum/_count), or one listed in deploy/grafana/sdk-metrics.txt (the Temporal SDK's and the process defaults,
which test/e2e/observability.e2e.spec.ts checks the running worker and API serve).
Usage: dashboard-check.py
"""
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DASHBOARD = ROOT / "deploy/grafana/tdkt-dashboard.json"
problems: list[str] = []

defined = set(re.findall(r"name: '(tdkt_[a-z0-9_]+)'", (ROOT / "libs/platform/src/observability/metrics.ts").read_text()))
listed = {line.strip() for line in (ROOT / "deploy/grafana/sdk-metrics.txt").read_text().splitlines() if line.strip() and not line.startswith("#")}
exported = defined | listed

try:
    dash = json.loads(DASHBOARD.read_text())
except json.JSONDecodeError as e:
    print(f"[check:deploy] {DASHBOARD.relative_to(ROOT)} is not JSON: {e}", file=sys.stderr)
    sys.exit(1)

for key in ("uid", "title", "schemaVersion", "panels"):
    if key not in dash:
        problems.append(f"dashboard lacks {key}")
variables = {v.get("name") for v in dash.get("templating", {}).get("list", [])}
ids: set[int] = set()
used: set[str] = set()
# PromQL words that look like metric names but are functions, keywords or label names.
NOT_METRICS = {"sum", "rate", "increase", "histogram_quantile", "max", "min", "avg", "by", "without", "le"}
for panel in dash.get("panels", []):
    where = f"panel {panel.get('id')} ({panel.get('title')!r})"
    for key in ("id", "type", "title", "gridPos", "targets"):
        if key not in panel:
            problems.append(f"{where} lacks {key}")
    if panel.get("id") in ids:
        problems.append(f"{where}: id used twice")
    ids.add(panel.get("id"))
    uid = panel.get("datasource", {}).get("uid", "")
    if uid.startswith("${") and uid[2:-1] not in variables:
        problems.append(f"{where}: datasource variable {uid} is not defined")
    if not panel.get("targets"):
        problems.append(f"{where} has no target")
    for target in panel.get("targets", []):
        expr = target.get("expr", "")
        if not expr.strip():
            problems.append(f"{where} target {target.get('refId')}: no expr")
            continue
        if expr.count("(") != expr.count(")") or expr.count("{") != expr.count("}") or expr.count("[") != expr.count("]"):
            problems.append(f"{where}: unbalanced brackets in {expr!r}")
        # Strip label matchers, ranges and label lists, then what is left that looks like a metric name is one.
        bare = re.sub(r"\{[^}]*\}|\[[^\]]*\]|by \([^)]*\)|\"[^\"]*\"", " ", expr)
        names = {n for n in re.findall(r"\b([a-z_][a-z0-9_]*)\b", bare) if "_" in n and n not in NOT_METRICS}
        if not names:
            problems.append(f"{where}: no metric in {expr!r}")
        for name in names:
            base = re.sub(r"_(bucket|sum|count)$", "", name)
            used.add(base)
            if name not in exported and base not in exported:
                problems.append(f"{where}: {name} is not a metric we export")

if problems:
    print("[check:deploy] dashboard problems:\n  - " + "\n  - ".join(problems), file=sys.stderr)
    sys.exit(1)
print(f"[check:deploy] dashboard: {len(ids)} panels, {len(used)} metrics, every one exported ({DASHBOARD.relative_to(ROOT)})")
