#!/usr/bin/env bash
# The measured spike behind docs/adr/0002-http-layer.md: one GET endpoint written three ways (a plain whiteboard
# servlet, the platform's route table, a JAX-RS Whiteboard resource on Aries/CXF) in one copy of the distribution,
# each loaded with wrk, plus what installing JAX-RS Whiteboard costs in time and resident memory.
# Needs: the distribution built (./mvnw install -DskipTests), wrk, network access to Maven Central for CXF.
# Usage: karaf-assembly/cte-benchmarks/spike-http-layer/spike.sh [seconds-per-run]
set -euo pipefail
cd "$(dirname "$0")"
SECONDS_PER_RUN=${1:-15}
ROOT=$(cd ../../.. && pwd)
WORK=$(mktemp -d /tmp/cte-spike.XXXXXX)
PORT=8191
cp -r "$ROOT/karaf-assembly/cte-distribution/target/assembly" "$WORK/karaf"
K="$WORK/karaf"
sed -i "s/^org.osgi.service.http.port *=.*/org.osgi.service.http.port = $PORT/" "$K/etc/org.ops4j.pax.web.cfg"
sed -i "s/^sshPort *=.*/sshPort = 8192/" "$K/etc/org.apache.karaf.shell.cfg"
sed -i "s/^rmiRegistryPort *=.*/rmiRegistryPort = 8193/" "$K/etc/org.apache.karaf.management.cfg"
"$ROOT/mvnw" -q -B -f pom.xml package
trap '"$K/bin/stop" >/dev/null 2>&1 || true' EXIT

wait_for() { # url, seconds
    local deadline=$((SECONDS + $2))
    until curl -fsS -o /dev/null "$1" 2>/dev/null; do
        [ "$SECONDS" -ge "$deadline" ] && { echo "no answer from $1 within $2 s" >&2; exit 1; }
        sleep 0.2
    done
}
rss() { ps -o rss= -p "$(cat "$K/karaf.pid" 2>/dev/null || pgrep -f "$K" | head -1)" | awk '{printf "%d MB", $1/1024}'; }
load() { # name, url
    curl -fsS "$2" >/dev/null
    wrk -t2 -c16 -d3s "$2" >/dev/null # warm-up: the JIT compiles the path before it is measured
    local out
    out=$(wrk -t2 -c64 -d"${SECONDS_PER_RUN}s" --latency "$2")
    printf '%-34s %10s req/s   p99 %s\n' "$1" "$(echo "$out" | awk '/Requests\/sec/ {print $2}')" \
        "$(echo "$out" | awk '$1 == "99%" {print $2}')"
}

"$K/bin/start"
wait_for "http://localhost:$PORT/api/v1/health" 120
cp target/mx.cte.spike.http-*.jar "$K/deploy/"
wait_for "http://localhost:$PORT/spike/routed/15EJN0101A/agreements/7" 60
echo "== without JAX-RS Whiteboard (resident $(rss))"
load "plain whiteboard servlet" "http://localhost:$PORT/spike/plain/15EJN0101A/agreements/7"
load "route table (RoutedServlet)" "http://localhost:$PORT/spike/routed/15EJN0101A/agreements/7"
load "plain whiteboard servlet, again" "http://localhost:$PORT/spike/plain/15EJN0101A/agreements/7"

client() { "$K/bin/client" -k "$K/etc/admin.key" -p 8192 -b "$@"; }
bundles() { echo 'bundle:list -t 0 --no-format' | client | grep -c 'Active'; }
echo "   $(bundles) active bundles"
start=$SECONDS
client <<'CMDS'
feature:repo-add mvn:org.apache.cxf.karaf/apache-cxf/3.6.10/xml/features
feature:repo-add mvn:org.apache.aries.jax.rs/org.apache.aries.jax.rs.features/2.0.2/xml
feature:install aries-jax-rs-whiteboard
CMDS
echo 'bundle:refresh mx.cte.spike.http' | client >/dev/null
wait_for "http://localhost:$PORT/spike/jaxrs/15EJN0101A/agreements/7" 180
echo "== with JAX-RS Whiteboard: installed and answering in $((SECONDS - start)) s," \
    "$(bundles) active bundles (resident $(rss))"
load "JAX-RS Whiteboard resource (CXF)" "http://localhost:$PORT/spike/jaxrs/15EJN0101A/agreements/7"
load "JAX-RS Whiteboard resource, again" "http://localhost:$PORT/spike/jaxrs/15EJN0101A/agreements/7"
load "route table (RoutedServlet)" "http://localhost:$PORT/spike/routed/15EJN0101A/agreements/7"
load "plain whiteboard servlet" "http://localhost:$PORT/spike/plain/15EJN0101A/agreements/7"
echo "== after the load (resident $(rss))"
