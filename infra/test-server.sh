#!/usr/bin/env bash
# Resolves Temporal's Java time-skipping test server with Maven and prints the path of an executable wrapper
# (`<wrapper> <port>`), which @temporalio/testing accepts as an existing test-server executable.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${TDKT_CACHE:-$ROOT/.cache/tdkt}"
WRAPPER="$CACHE/bin/temporal-test-server"
mkdir -p "$CACHE/bin"
if [ -x "$WRAPPER" ] && [ "$WRAPPER" -nt "$ROOT/infra/test-server/pom.xml" ]; then echo "$WRAPPER"; exit 0; fi
command -v java >/dev/null || { echo "[test-server] java not found: install a JDK (17+)" >&2; exit 1; }
command -v mvn >/dev/null || { echo "[test-server] mvn not found: install Maven" >&2; exit 1; }
echo "[test-server] resolving io.temporal:temporal-test-server with Maven" >&2
mvn -q -B -f "$ROOT/infra/test-server/pom.xml" dependency:build-classpath -Dmdep.outputFile="$CACHE/test-server.classpath" >&2
cat > "$WRAPPER" <<WRAP
#!/usr/bin/env bash
exec java -Xmx512m -cp "$(cat "$CACHE/test-server.classpath")" io.temporal.testserver.TestServer "\$@"
WRAP
chmod +x "$WRAPPER"
echo "$WRAPPER"
